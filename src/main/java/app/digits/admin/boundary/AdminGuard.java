package app.digits.admin.boundary;

import app.digits.admin.control.AdminCredentials;
import app.digits.admin.control.CsrfTokens;
import app.digits.admin.control.LoginThrottle;
import app.digits.platform.boundary.ProblemWriter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Stands in front of the admin pages, the admin API and the writes to the MNIST datasets (reading their
 * counts stays public): HTTP Basic credentials first (401 with a challenge otherwise), then the CSRF check for
 * anything that changes state (403). Failed logins go through the {@link LoginThrottle}: while the client's
 * address or the user name it tries is blocked, it gets 429 with {@code Retry-After} whatever it sends. A
 * request with no credentials at all is a browser's first visit, not a guess, and is not counted. Admin
 * answers are {@code no-store} (the figure servlet alone overrides it with a private, ETag-checked cache: its
 * images show public MNIST data and cost seconds to draw). Errors are problem+json.
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*", "/api/admin/*", "/api/datasets", "/api/datasets/*"})
public class AdminGuard extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AdminCredentials credentials;

    @Inject
    LoginThrottle throttle;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var pathInfo = request.getPathInfo();
        boolean datasets = (request.getServletPath() + (pathInfo == null ? "" : pathInfo)).startsWith("/api/datasets");
        if (datasets && SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!datasets) {
            response.setHeader("Cache-Control", "no-store");
        }
        var login = AdminCredentials.fromBasic(request.getHeader("Authorization"));
        if (login.isEmpty()) {
            refuse(response);
            return;
        }
        var address = request.getRemoteAddr();
        var user = login.get().user();
        var wait = throttle.wait(address, user);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemWriter.write(response, 429, "Too Many Requests",
                    "Too many failed logins from this address or for this user; try again in " + seconds + " seconds");
            return;
        }
        if (!credentials.accepts(login.get())) {
            throttle.failed(address, user);
            refuse(response);
            return;
        }
        throttle.succeeded(address, user);
        if (!CsrfTokens.allows(request)) {
            ProblemWriter.write(response, 403, "Forbidden", "This request changes state and lacks a valid CSRF token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Digits admin\", charset=\"UTF-8\"");
        ProblemWriter.write(response, 401, "Unauthorized", "This needs the admin credentials");
    }
}
