package app.digits.platform.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the static files (the app's {@code /assets}, HTMX from {@code /webjars}) with the server's default
 * servlet, which serves them with ETags, ranges and {@code 304}s. The JAX-RS application is mapped to
 * {@code /*} ({@link RestApplication}), which would otherwise take these addresses too; this longer mapping
 * wins and hands the request on unchanged. Payara refuses a {@code web.xml} mapping of its own {@code default}
 * servlet, hence the forward by name.
 */
@WebServlet(urlPatterns = {"/assets/*", "/webjars/*"})
public class StaticFiles extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        getServletContext().getNamedDispatcher("default").forward(request, response);
    }
}
