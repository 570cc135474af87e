package app.digits.admin.boundary;

import app.digits.platform.control.BoundedInput;
import app.digits.platform.control.JsonBodies;
import app.digits.training.control.Algorithm;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingProgress;
import app.digits.training.control.TrainingRequests;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/admin/trainings}: start a training run (the {@code train-models} batch job) and follow it.
 * Behind the admin credentials and CSRF check.
 */
@Path("admin/trainings")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

    /** What to train; absent fields take the defaults. */
    public record TrainingOrder(String algorithm, Integer trainingImages, Integer epochs, Integer hiddenUnits, Integer trees,
                                Boolean includeDrawings, Long seed) {
    }

    public record Started(long executionId) {
    }

    /** Where a run stands: its stage ({@code reading}, {@code training}, {@code served}, ...) and a sentence. */
    public record TrainingStatus(boolean running, String stage, int percent, String message) {
    }

    @Inject
    TrainingJobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a training run; the new model is served when it beats the served one")
    public Response start(InputStream body) {
        var order = JsonBodies.parse(BoundedInput.readAtMost(body, 10_000, "The training order"), TrainingOrder.class);
        var algorithm = order.algorithm() == null ? Algorithm.MLP : Algorithm.parse(order.algorithm());
        var request = TrainingRequests.of(algorithm, valueOr(order.trainingImages(), 60_000), valueOr(order.epochs(), 4),
                valueOr(order.hiddenUnits(), 256), valueOr(order.trees(), 100), Boolean.TRUE.equals(order.includeDrawings()),
                order.seed() == null ? 42 : order.seed());
        return Response.accepted(new Started(jobs.start(request))).build();
    }

    @GET
    @Path("current")
    @Operation(summary = "Where the current or last training run stands")
    public TrainingStatus current() {
        var step = jobs.current();
        return new TrainingStatus(step.running(), step.stage().key(), step.percent(), step.message());
    }

    private static int valueOr(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
