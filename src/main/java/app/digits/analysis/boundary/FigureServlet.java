package app.digits.analysis.boundary;

import app.digits.analysis.control.Figures;
import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.Split;
import app.digits.platform.boundary.ProblemWriter;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.WholeNumbers;
import app.digits.registry.control.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;

/**
 * Serves the analysis figures ({@code /admin/figures/<name>?index=&digit=&model=}) as PNG or SVG, with an ETag
 * made of the request and the data it was drawn from (stored counts, served model), so a browser asks again
 * cheaply and gets 304 until the data changes. Bad parameters are problem+json.
 */
@WebServlet(urlPatterns = "/admin/figures/*")
public class FigureServlet extends HttpServlet {

    @Inject
    Figures figures;

    @Inject
    MnistReader reader;

    @Inject
    ModelRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        var model = request.getParameter("model");
        var version = name + "|" + request.getQueryString() + "|" + reader.count(Split.TRAIN) + "|" + reader.count(Split.TEST) + "|"
                + (model == null || model.isBlank() ? registry.servedId() : model);
        var etag = "\"" + HexFormat.of().formatHex(sha256(version)).substring(0, 32) + "\"";
        response.setHeader("Cache-Control", "private, max-age=600");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        try {
            var figure = figures.render(name, numberOrZero(request, "index"), numberOrZero(request, "digit"), model);
            response.setHeader("ETag", etag);
            response.setContentType(figure.contentType());
            response.getOutputStream().write(figure.body());
        } catch (ProblemException e) {
            ProblemWriter.write(response, e.status(), e.title(), e.getMessage());
        }
    }

    private static int numberOrZero(HttpServletRequest request, String name) {
        var number = WholeNumbers.optional(request.getParameter(name), name);
        return number == null ? 0 : number;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
