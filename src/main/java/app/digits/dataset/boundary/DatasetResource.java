package app.digits.dataset.boundary;

import app.digits.dataset.control.DatasetFormatException;
import app.digits.dataset.control.DatasetImports;
import app.digits.dataset.control.ImportProgress;
import app.digits.dataset.control.ImportReport;
import app.digits.dataset.control.MnistReader;
import app.digits.dataset.control.TestDigits;
import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import app.digits.imaging.control.PngImages;
import app.digits.platform.boundary.RequestSizeLimit;
import app.digits.platform.control.BoundedInput;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.mvc.security.CsrfProtected;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The MNIST collections over HTTP: how many images each split holds and how far an import has got, and a
 * CSV upload in the seed's format ({@code curl --data-binary @file.csv -H 'Content-Type: text/csv'}).
 */
@Path("api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    /** A test image to try: its position in the test set, its label and the image as ink on a transparent PNG. */
    public record TestImage(int index, int label, String image) {
    }

    public record SplitStatus(String split, String collection, long images, String state, int percent, String message) {
    }

    @Inject
    MnistReader reader;

    @Inject
    ImportProgress progress;

    @Inject
    TestDigits testDigits;

    @Inject
    DatasetImports imports;

    @Inject
    @ConfigProperty(name = RequestSizeLimit.CSV_MAX_BYTES, defaultValue = "300000000")
    long csvMaxBytes;

    @GET
    @Operation(summary = "Image counts and import progress of mnist_train and mnist_test")
    public List<SplitStatus> status() {
        return Arrays.stream(Split.values()).map(split -> {
            var step = progress.of(split);
            return new SplitStatus(split.name().toLowerCase(), split.collection(), reader.count(split),
                    step.state().name(), step.percent(), step.message());
        }).toList();
    }

    @GET
    @Path("test/images/random")
    @Operation(summary = "A test image drawn at random, as dark ink on a transparent PNG, with its label and index")
    public Response randomTestImage() {
        return Response.ok(testImage(testDigits.any())).cacheControl(CacheControl.valueOf("no-store")).build();
    }

    @GET
    @Path("test/images/{index: [0-9]{1,9}}")
    @Operation(summary = "The test image at a position of the test set's stable order")
    public TestImage testImage(@PathParam("index") int index) {
        return testImage(testDigits.at(index));
    }

    private static TestImage testImage(TestDigits.TestDigit digit) {
        var image = digit.image();
        return new TestImage(digit.index(), image.label(), PngImages.dataUrl(PngImages.ink(image.pixels(), LabelledImage.SIDE)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @CsrfProtected
    @Path("{split}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a CSV file (label,p0..p783; header optional) into a split; idempotent, all or nothing")
    public ImportReport importCsv(@PathParam("split") String splitName, InputStream body) throws IOException {
        var split = parseSplit(splitName);
        var bytes = BoundedInput.readAtMost(body, csvMaxBytes, "The CSV upload");
        try (var csv = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return imports.importCsv(split, csv, "upload");
        } catch (DatasetFormatException e) {
            throw new ProblemException(422, "Invalid CSV", e.getMessage());
        }
    }

    private static Split parseSplit(String name) {
        try {
            return Split.parse(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }
}
