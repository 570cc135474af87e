package app.digits.admin.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Cross-site request forgery protection for the admin side. Each admin session has a secret token that the
 * pages put in every state-changing request (a header for HTMX, a field for forms). A state-changing request
 * that a browser sends from a page (it has an Origin or Referer header) must carry it; programs such as curl,
 * which send neither header and cannot be tricked by another site, only need the credentials.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "csrf";
    private static final String ATTRIBUTE = "digits.admin.csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    public static String tokenOf(HttpSession session) {
        synchronized (session) {
            var token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                var bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }

    /** Whether the request may change state as far as forgery is concerned. */
    public static boolean allows(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        var sent = request.getHeader(HEADER) != null ? request.getHeader(HEADER) : request.getParameter(FIELD);
        var session = request.getSession(false);
        if (sent != null && session != null && session.getAttribute(ATTRIBUTE) instanceof String expected) {
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
        }
        return sent == null && request.getHeader("Origin") == null && request.getHeader("Referer") == null;
    }
}
