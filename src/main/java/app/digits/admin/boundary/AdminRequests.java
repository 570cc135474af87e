package app.digits.admin.boundary;

import app.digits.admin.control.CsrfTokens;
import app.digits.platform.boundary.ProblemFilter;
import app.digits.platform.control.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What the admin area needs beyond authentication (which Jakarta Security has done before any filter runs,
 * see {@link AdminAuthentication}): the CSRF check for anything that changes state (403), and admin answers
 * marked {@code no-store} (the figure servlet alone overrides it with a private, ETag-checked cache: its images
 * show public MNIST data and cost seconds to draw). Reading the dataset counts stays public and cacheable.
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*", "/api/admin/*", "/api/datasets", "/api/datasets/*"})
public class AdminRequests extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

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
        if (!CsrfTokens.allows(request)) {
            ProblemFilter.refuse(new ProblemException(403, "Forbidden", "This request changes state and lacks a valid CSRF token"),
                    request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
