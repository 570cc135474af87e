package app.digits.admin.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Marks every answer of the admin area {@code no-store}, refusals included (this runs after Jakarta Security
 * authenticated the request, see {@link AdminAuthentication}, and before the error page): what an admin sees
 * must not stay in a shared or browser cache. The figures alone override it with a private, ETag-checked cache.
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*", "/api/admin/*"})
public class AdminRequests extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
