package app.digits.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the browser's defences on every answer, pages, API, assets and errors alike. The Content-Security-Policy
 * allows scripts and style sheets from this origin only: the pages have no inline script or event handler
 * (page behaviour lives in {@code /assets/js}), HTMX is told not to inject its indicator style nor to evaluate
 * code ({@code <meta name="htmx-config">} in the layout), and images may be data URLs (the 28x28 images the
 * model saw). Style attributes stay allowed ({@code style-src-attr}): the probability bars and heatmap cells
 * set a width or a shade per value, and a style attribute cannot run script. No page may be framed (clickjacking),
 * content types are not sniffed, other sites get the origin only as referrer, and powerful features the app
 * never uses are switched off. It is declared first in {@code web.xml} so it runs before the admin guard, whose
 * refusals carry the headers too.
 */
public class SecurityHeaders extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
