package app.digits.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The visitor's session id, in a cookie of the application's own ({@code DIGITS_SESSION}: random, HttpOnly,
 * SameSite=Lax, Secure behind HTTPS), for the session data every instance reads from MongoDB
 * ({@code SharedSessions}). The id is only made, and the cookie only set, when a feature first needs to
 * remember something (a captcha, a drawing, the admin's CSRF token), so API clients get no cookie. A plain
 * {@code name=value} token that every client sends back unchanged, where Payara's replicated session needed a
 * second cookie that some clients could not return. This filter only hands the response to the static lookups
 * below, which the resources call with their request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionCookie extends HttpFilter {

    static final String NAME = "DIGITS_SESSION";
    private static final String RESPONSE = SessionCookie.class.getName() + ".response";
    private static final String ID = SessionCookie.class.getName() + ".id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(RESPONSE, response);
        chain.doFilter(request, response);
    }

    /** The session id the client sent (or this request made), if any: a request that needs none makes none. */
    public static Optional<String> existing(HttpServletRequest request) {
        if (request.getAttribute(ID) instanceof String id) {
            return Optional.of(id);
        }
        return Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new jakarta.servlet.http.Cookie[0]))
                .filter(cookie -> NAME.equals(cookie.getName()))
                .map(cookie -> cookie.getValue().replace("\"", ""))
                .filter(value -> VALID.matcher(value).matches())
                .findFirst();
    }

    /** The session id, made and sent in the cookie when the client has none (or an invalid one). */
    public static String id(HttpServletRequest request) {
        var existing = existing(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(ID, id);
        var secure = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        ((HttpServletResponse) request.getAttribute(RESPONSE)).addHeader("Set-Cookie", NAME + "=" + id + "; Path="
                + request.getContextPath() + "/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
        return id;
    }
}
