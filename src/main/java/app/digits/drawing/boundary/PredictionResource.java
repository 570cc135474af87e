package app.digits.drawing.boundary;

import app.digits.drawing.control.Corrections;
import app.digits.drawing.control.DrawingCommitter;
import app.digits.prediction.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.PngImages;
import app.digits.platform.boundary.BodyLimit;
import app.digits.platform.boundary.JsonRequest;
import app.digits.platform.control.ProblemException;
import app.digits.prediction.control.DrawingInput;
import app.digits.prediction.control.Recognizer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/predictions}: send a drawing, get the digit, or with {@code ?as=number} the whole number
 * (up to ten digits, each with its own confidence). Bodies are bound by JAX-RS: images by
 * {@link EncodedImageReader}, JSON by {@link PredictionRequestReader} and the strict reader, each within its
 * size bound, then checked by Bean Validation; the recognizer does the rest. Each prediction is stored and can be fetched again by id,
 * and people can say what it really was: a digit ({@code /label}) or a number ({@code /number-label}).
 */
@Path("api/predictions")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    private static final String DIGIT = "digit";
    private static final String NUMBER = "number";
    private static final String DIGIT_RANGE = "must be a whole number 0-9";
    private static final String NUMBER_LENGTH = "must have 1 to " + Recognizer.MAX_DIGITS + " digits";

    @Inject
    Recognizer recognizer;

    @Inject
    Drawings drawings;

    @Inject
    Corrections corrections;

    @Inject
    DrawingCommitter committer;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes({"image/png", "image/jpeg"})
    @Operation(summary = "Recognize a PNG or JPEG sent as the raw body (?as=number for a whole number)")
    @APIResponse(responseCode = "201", description = "Recognized (or blank) and stored")
    @APIResponse(responseCode = "400", description = "Empty, corrupt or truncated image")
    @APIResponse(responseCode = "413", description = "Image over the byte or pixel limit")
    public Response fromImage(@QueryParam("as") @DefaultValue(DIGIT) String as, DrawingInput.EncodedImage image) {
        return created(recognize(as, image));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Recognize a PNG or JPEG sent as the multipart part named 'image'")
    public Response fromMultipart(@QueryParam("as") @DefaultValue(DIGIT) String as, List<EntityPart> parts) throws IOException {
        var part = parts.stream().filter(p -> "image".equals(p.getName())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("The multipart body has no part named 'image'"));
        if (!EncodedImageReader.reads(part.getMediaType())) {
            throw ProblemException.unsupportedMediaType("The 'image' part is " + part.getMediaType() + ", not a PNG or JPEG file");
        }
        return created(recognize(as, part.getContent(DrawingInput.EncodedImage.class)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recognize a data URL ('image') or 784 grey levels 0-255 ('pixels')")
    public Response fromJson(@QueryParam("as") @DefaultValue(DIGIT) String as,
                             @Valid @NotNull(message = JsonRequest.ABSENT) PredictionRequest request) {
        return created(recognize(as, request.toInput()));
    }

    @GET
    @Path("{id}/digits/{index}/input.png")
    @Produces("image/png")
    @Operation(summary = "The normalized 28x28 image of one digit of a number drawing")
    public byte[] digitInput(@PathParam("id") String id, @PathParam("index") int index) {
        var readings = find(id).getReadings();
        if (readings == null || index < 0 || index >= readings.size()) {
            throw ProblemException.notFound("Drawing " + id + " has no digit number " + index);
        }
        return PngImages.greyLevels(readings.get(index).getPixels(), MnistNormalizer.SIDE);
    }

    /** The body of a label: the digit the drawing really shows, a whole number 0-9 in JSON. */
    public record Label(@NotNull(message = "is missing: send the digit the drawing shows, 0-9")
                        @Min(value = 0, message = DIGIT_RANGE) @Max(value = 9, message = DIGIT_RANGE) Integer digit)
            implements JsonRequest {
    }

    @PUT
    @Path("{id}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say what a single-digit drawing really is (confirms or corrects the prediction)")
    @APIResponse(responseCode = "409", description = "The drawing is blank or a number")
    public PredictionResponse label(@PathParam("id") String id,
                                    @Valid @NotNull(message = JsonRequest.ABSENT) @BodyLimit(value = 1_000, what = "The label") Label label) {
        return PredictionResponse.of(corrections.label(id, label.digit(), request.getRemoteAddr()), uriInfo.getBaseUri().resolve("api/"));
    }

    /** The body of a number's correction: the digits the drawing really shows, left to right, as a string. */
    public record NumberLabel(@NotNull(message = "is missing: send the number the drawing shows, as a string of digits")
                              @Pattern(regexp = "[0-9]*", message = "must be digits 0-9 only, as a string such as \"1984\"")
                              @Size(min = 1, max = Recognizer.MAX_DIGITS, message = NUMBER_LENGTH) String number)
            implements JsonRequest {
    }

    @PUT
    @Path("{id}/number-label")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say what a number drawing really reads (confirms or corrects the number read)")
    @APIResponse(responseCode = "409", description = "The drawing is not a number drawing")
    @APIResponse(responseCode = "429", description = "Too many labels from this address; shared with the digit labels")
    public PredictionResponse numberLabel(@PathParam("id") String id,
                                          @Valid @NotNull(message = JsonRequest.ABSENT) @BodyLimit(value = 1_000, what = "The label") NumberLabel label) {
        return PredictionResponse.of(corrections.correctNumber(id, label.number(), request.getRemoteAddr()), uriInfo.getBaseUri().resolve("api/"));
    }

    private Drawing recognize(String as, DrawingInput input) {
        var drawing = switch (as) {
            case DIGIT -> recognizer.recognize(input);
            case NUMBER -> recognizer.recognizeNumber(input);
            default -> throw ProblemException.badRequest("'as' is 'digit' or 'number', not '" + as + "'");
        };
        return committer.store(drawing);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A stored prediction")
    @APIResponse(responseCode = "404", description = "No drawing has this id")
    public PredictionResponse byId(@PathParam("id") String id) {
        return PredictionResponse.of(find(id), uriInfo.getBaseUri().resolve("api/"));
    }

    @GET
    @Path("{id}/input.png")
    @Produces("image/png")
    @Operation(summary = "The normalized 28x28 image the model saw")
    public byte[] input(@PathParam("id") String id) {
        var drawing = find(id);
        if (drawing.getPixels() == null) {
            throw ProblemException.notFound("Drawing " + id + " is blank: no image was given to the model");
        }
        return PngImages.greyLevels(drawing.getPixels(), MnistNormalizer.SIDE);
    }

    @GET
    @Path("{id}/original.png")
    @Produces("image/png")
    @Operation(summary = "The drawing as it was sent (scaled down if it was larger than the stored bound)")
    public byte[] original(@PathParam("id") String id) {
        return find(id).getOriginal();
    }

    private Drawing find(String id) {
        return drawings.findById(id).orElseThrow(() -> Corrections.unknown(id));
    }

    private Response created(Drawing drawing) {
        return Response.created(uriInfo.getBaseUriBuilder().path("api/predictions").path(drawing.getId()).build())
                .entity(PredictionResponse.of(drawing, uriInfo.getBaseUri().resolve("api/")))
                .build();
    }
}
