package app.digits.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * Keeps the client's {@code Host} header out of the pages' redirects. The servlet container turns a relative
 * {@code sendRedirect("/captcha")} into {@code http://<Host header>/captcha}, so a request with
 * {@code Host: evil.example} was redirected there. RFC 9110 allows a relative {@code Location}, which browsers
 * resolve against the address they actually asked; this sends it as such. Absolute redirects the application
 * chose are left alone.
 */
public class RelativeRedirects extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                sendRedirect(location, SC_FOUND, true);
            }

            @Override
            public void sendRedirect(String location, int status) throws IOException {
                sendRedirect(location, status, true);
            }

            @Override
            public void sendRedirect(String location, boolean clearBuffer) throws IOException {
                sendRedirect(location, SC_FOUND, clearBuffer);
            }

            @Override
            public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
                if (URI.create(location).isAbsolute()) {
                    super.sendRedirect(location, status, clearBuffer);
                    return;
                }
                if (clearBuffer) {
                    resetBuffer();
                }
                setStatus(status);
                setHeader("Location", location.startsWith("/") ? location
                        : URI.create(request.getRequestURI()).resolve(location).toString());
                flushBuffer();
            }
        });
    }
}
