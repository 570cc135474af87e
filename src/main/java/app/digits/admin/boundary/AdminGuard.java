package app.digits.admin.boundary;

import app.digits.platform.boundary.ProblemWriter;
import app.digits.admin.control.AdminCredentials;
import app.digits.admin.control.CsrfTokens;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stands in front of the admin pages and the admin API: HTTP Basic credentials first (401 with a challenge
 * otherwise), then the CSRF check for anything that changes state (403). Errors are problem+json.
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*", "/api/admin/*"})
public class AdminGuard extends HttpFilter {

    @Inject
    AdminCredentials credentials;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!credentials.accepts(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Digits admin\", charset=\"UTF-8\"");
            ProblemWriter.write(response, 401, "Unauthorized", "The admin area needs the admin credentials");
            return;
        }
        if (!CsrfTokens.allows(request)) {
            ProblemWriter.write(response, 403, "Forbidden", "This request changes state and lacks a valid CSRF token");
            return;
        }
        chain.doFilter(request, response);
    }
}
