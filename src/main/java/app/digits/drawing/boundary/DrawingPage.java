package app.digits.drawing.boundary;

import app.digits.drawing.entity.Drawing;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.PngImages;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.StartupStatus;
import app.digits.platform.control.Views;
import app.digits.prediction.control.DrawingInput;
import app.digits.prediction.control.Recognizer;
import app.digits.registry.control.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The home page: the canvas, the result, the start-up progress and the served model in the footer. HTMX
 * posts the canvas to {@code /recognize} and swaps in the result fragment; {@code /status} is polled while
 * the first model is being prepared.
 */
@WebServlet(urlPatterns = {"", "/recognize", "/status"})
public class DrawingPage extends HttpServlet {

    private static final String TEMPLATE = "home";

    @Inject
    Views views;

    @Inject
    Recognizer recognizer;

    @Inject
    ModelRegistry registry;

    @Inject
    StartupStatus startup;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = common();
        switch (request.getServletPath()) {
            case "/recognize" -> views.fragment(TEMPLATE, "result", model, request, response);
            case "/status" -> views.fragment(TEMPLATE, "status", model, request, response);
            default -> views.page(TEMPLATE, model, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = common();
        try {
            var image = DataUrl.parse(request.getParameter("image"));
            var drawing = recognizer.recognize(new DrawingInput.EncodedImage(image.bytes()));
            model.put("drawing", drawing);
            model.put("inputImage", inputImage(drawing));
        } catch (ProblemException e) {
            model.put("error", e.detail());
        }
        views.fragment(TEMPLATE, "result", model, request, response);
    }

    private Map<String, Object> common() {
        var model = new HashMap<String, Object>();
        model.put("startup", startup.current());
        registry.served().ifPresent(served -> model.put("served", served.descriptor()));
        return model;
    }

    private static String inputImage(Drawing drawing) {
        return drawing.isBlank() ? null : PngImages.dataUrl(PngImages.greyLevels(drawing.getPixels(), 28));
    }
}
