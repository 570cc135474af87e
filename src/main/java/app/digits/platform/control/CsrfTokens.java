package app.digits.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Cross-site request forgery protection for the admin side. Each admin session has a secret token that the
 * pages put in every state-changing request (a header for HTMX, a field for forms). A state-changing request
 * that a browser sends from a page (it has an Origin or Referer header) must carry it; programs such as curl,
 * which send neither header and cannot be tricked by another site, only need the credentials. Krazo's own
 * check knows no such exception, hence this one behind {@code @CsrfProtected}.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "csrf";
    private static final String ATTRIBUTE = "adminCsrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, made on first use, for the pages to send back. */
    public static String tokenOf(SharedSessions sessions, String session) {
        return sessions.textOrSet(session, ATTRIBUTE, () -> {
            var bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    /** The session's token if it has one; null for no session or no token yet. */
    public static String existing(SharedSessions sessions, Optional<String> session) {
        return session.flatMap(id -> sessions.text(id, ATTRIBUTE)).orElse(null);
    }

    /**
     * Whether a state-changing request may go on as far as forgery is concerned: a token that matches the
     * session's (compared in constant time), or no token at all from a client that is not a browser page.
     */
    public static boolean allows(String sent, String expected, boolean fromPage) {
        if (sent != null) {
            return expected != null
                    && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
        }
        return !fromPage;
    }
}
