package app.digits.drawing.boundary;

import app.digits.drawing.control.Corrections;
import app.digits.drawing.control.LiveDrawings;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.PngImages;
import app.digits.platform.boundary.SessionCookie;
import app.digits.platform.control.WholeNumbers;
import app.digits.prediction.control.DrawingInput;
import app.digits.prediction.control.Recognizer;
import app.digits.prediction.entity.DigitReading;
import app.digits.prediction.entity.Drawing;
import app.digits.site.control.PageModels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * The two drawing pages: one digit (the home page) and a whole number ({@code /number}), with the start-up
 * progress and the served model in the footer. HTMX posts the canvas to the page's {@code recognize} and
 * swaps in the result fragment, under which people can say what they really drew ({@code /label}, and
 * for a number {@code /number/label}, the number as they typed it). Each
 * reading of a drawing replaces its earlier version ({@link LiveDrawings}): one document per drawing. {@code
 * /status} is polled while the first model is being prepared. A drawing that cannot be read is a problem,
 * answered by the app's error path (for HTMX, the sentence swapped in place of the result).
 */
@Controller
@RequestScoped
@Path("")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DrawingController {

    private static final String HOME = "home.html";
    private static final String NUMBER = "number.html";
    private static final String RESULT = "::result";

    @Inject
    Models models;

    @Inject
    Recognizer recognizer;

    @Inject
    LiveDrawings liveDrawings;

    @Inject
    PageModels pages;

    @Inject
    Corrections corrections;

    @Context
    HttpServletRequest request;

    @GET
    public String home() {
        return digitPage(HOME);
    }

    @GET
    @Path("number")
    public String number() {
        return numberPage(NUMBER);
    }

    @GET
    @Path("status")
    public String status() {
        return digitPage("layout.html::status");
    }

    /** The result fragment, of the digit page ({@code /recognize}) or of the number page ({@code /number/recognize}). */
    private static final String RECOGNIZE = "{page: (number/)?}recognize";

    @GET
    @Path(RECOGNIZE)
    public String emptyResult(@PathParam("page") String page) {
        return result(page);
    }

    @POST
    @Path(RECOGNIZE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String recognize(@PathParam("page") String page, @FormParam("image") String image,
                            @FormParam("drawing") String previous) {
        var input = new DrawingInput.EncodedImage(DataUrl.parse(image).bytes());
        put(page.isEmpty() ? recognizer.recognize(input) : recognizer.recognizeNumber(input), previous);
        return result(page);
    }

    @POST
    @Path("label")
    public String label(@QueryParam("id") String id, @QueryParam("digit") String digit) {
        models.put("labelled", corrections.label(id, WholeNumbers.required(digit, "digit"), request.getRemoteAddr()));
        return digitPage(HOME + "::feedback");
    }

    @POST
    @Path("number/label")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String numberLabel(@QueryParam("id") String id, @FormParam("number") String number) {
        models.put("labelled", corrections.correctNumber(id, number, request.getRemoteAddr()));
        return numberPage(NUMBER + "::number-feedback");
    }

    private String result(String page) {
        return page.isEmpty() ? digitPage(HOME + RESULT) : numberPage(NUMBER + RESULT);
    }

    /** Stores the reading in place of the drawing's earlier one and puts it, with the images the model saw, in the models. */
    private void put(Drawing read, String previous) {
        var drawing = liveDrawings.store(SessionCookie.id(request), read, Optional.ofNullable(previous).filter(id -> !id.isBlank()));
        models.put("drawing", drawing);
        models.put("inputImage", drawing.getPixels() == null ? null : dataUrl(drawing.getPixels()));
        if (drawing.getReadings() != null) {
            models.put("digitImages", drawing.getReadings().stream().map(DigitReading::getPixels)
                    .map(DrawingController::dataUrl).toList());
        }
    }

    private String digitPage(String view) {
        pages.of("digit", "/").forEach(models::put);
        return view;
    }

    private String numberPage(String view) {
        pages.of("number", "/number").forEach(models::put);
        models.put("maxDigits", Recognizer.MAX_DIGITS);
        return view;
    }

    private static String dataUrl(byte[] pixels) {
        return PngImages.dataUrl(PngImages.greyLevels(pixels, MnistNormalizer.SIDE));
    }
}
