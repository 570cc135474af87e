package app.digits.admin.control;

import java.util.Set;

/**
 * Which requests the admin authentication asks credentials for: the admin pages ({@code /admin}), the admin
 * API ({@code /api/admin}) and the writes to the MNIST datasets (reading their counts stays public). The
 * authorization itself is {@code @RolesAllowed} on those resources; this only decides where a missing or
 * wrong password gets a 401 challenge (or, while throttled, a 429) rather than passing unauthenticated.
 * {@code web.xml} security constraints would say the same, but with any constraint Payara 7.2025.1 refuses
 * the context root ({@code /}, the home page) to everyone.
 */
public final class AdminArea {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private AdminArea() {
    }

    /** Whether a request (its method and decoded path within the application) is for the admin. */
    public static boolean guards(String method, String path) {
        if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/")) {
            return true;
        }
        return (path.equals("/api/datasets") || path.startsWith("/api/datasets/")) && !SAFE_METHODS.contains(method);
    }
}
