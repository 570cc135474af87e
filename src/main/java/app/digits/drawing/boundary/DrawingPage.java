package app.digits.drawing.boundary;

import app.digits.drawing.control.Corrections;
import app.digits.drawing.control.LiveDrawings;
import app.digits.prediction.entity.DigitReading;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.PngImages;
import app.digits.site.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.prediction.control.DrawingInput;
import app.digits.prediction.control.Recognizer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The two drawing pages: one digit (the home page) and a whole number ({@code /number}), with the start-up
 * progress and the served model in the footer. HTMX posts the canvas to the page's {@code recognize} and
 * swaps in the result fragment, under which people can say what they really drew ({@code /label}). Each
 * reading of a drawing replaces its earlier version ({@link LiveDrawings}): one document per drawing. {@code
 * /status} is polled while the first model is being prepared.
 */
@WebServlet(urlPatterns = {"", "/recognize", "/status", "/label", "/number", "/number/recognize"})
public class DrawingPage extends HttpServlet {

    private static final String RECOGNIZE = "/recognize";

    @Inject
    Views views;

    @Inject
    Recognizer recognizer;

    @Inject
    LiveDrawings liveDrawings;

    @Inject
    PageModels pages;

    @Inject
    Corrections corrections;

    private static boolean numberPage(HttpServletRequest request) {
        return request.getServletPath().startsWith("/number");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var path = request.getServletPath();
        var model = model(request);
        var template = numberPage(request) ? "number" : "home";
        if ("/status".equals(path)) {
            views.fragment("layout", "status", model, request, response);
        } else if (path.endsWith(RECOGNIZE)) {
            views.fragment(template, "result", model, request, response);
        } else {
            views.page(template, model, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = model(request);
        if ("/label".equals(request.getServletPath())) {
            label(request, response, model);
            return;
        }
        try {
            var image = new DrawingInput.EncodedImage(DataUrl.parse(request.getParameter("image")).bytes());
            var read = numberPage(request) ? recognizer.recognizeNumber(image) : recognizer.recognize(image);
            var drawing = liveDrawings.store(request.getSession(true), read,
                    Optional.ofNullable(request.getParameter("drawing")).filter(id -> !id.isBlank()));
            model.put("drawing", drawing);
            model.put("inputImage", drawing.getPixels() == null ? null : dataUrl(drawing.getPixels()));
            if (drawing.getReadings() != null) {
                model.put("digitImages", drawing.getReadings().stream().map(DigitReading::getPixels)
                        .map(DrawingPage::dataUrl).toList());
            }
        } catch (ProblemException e) {
            model.put("problem", e);
        }
        views.fragment(numberPage(request) ? "number" : "home", "result", model, request, response);
    }

    private void label(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
            throws IOException {
        try {
            model.put("labelled", corrections.label(request.getParameter("id"),
                    Integer.parseInt(request.getParameter("digit")), request.getRemoteAddr()));
            views.fragment("home", "feedback", model, request, response);
        } catch (NumberFormatException e) {
            response.sendError(400, "The digit is not a number");
        } catch (ProblemException e) {
            response.sendError(e.status(), e.detail());
        }
    }

    private Map<String, Object> model(HttpServletRequest request) {
        return numberPage(request) ? pages.of("number", "/number") : pages.of("digit", "/");
    }

    private static String dataUrl(byte[] pixels) {
        return PngImages.dataUrl(PngImages.greyLevels(pixels, MnistNormalizer.SIDE));
    }
}
