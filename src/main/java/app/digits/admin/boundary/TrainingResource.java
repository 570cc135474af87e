package app.digits.admin.boundary;

import app.digits.admin.control.Slice;
import app.digits.platform.boundary.BodyLimit;
import app.digits.platform.boundary.JsonRequest;
import app.digits.registry.control.ModelRegistry;
import app.digits.training.control.ModelComparison;
import app.digits.training.control.ModelTraining;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingException;
import app.digits.training.control.TrainingPlan;
import app.digits.training.control.TrainingProgress;
import app.digits.training.control.TrainingRequests;
import app.digits.training.entity.TrainingRun;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import app.digits.platform.control.WholeNumbers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.mvc.security.CsrfProtected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The admin API of training: {@code /api/admin/trainings} starts a run (the {@code train-models} batch job)
 * and lists past runs; a run can be read, restarted when it failed, stopped or was interrupted; the current
 * run's progress is at {@code current}. {@code /api/admin/models} is the comparison table. Behind the admin
 * credentials and CSRF check.
 */
@RolesAllowed(Roles.ADMIN)
@CsrfProtected
@Path("api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

    /**
     * What to train; absent fields take the defaults (every algorithm, the small grid, 3 folds on 5,000 images).
     * The bounds are the plan's; checking them here too names every broken one at once (each message follows
     * its field's name, see {@code Violations}).
     */
    public record TrainingOrder(
            @Size(max = 20, message = "lists at most 20 names") List<@NotBlank(message = "is blank") String> algorithms,
            @Pattern(regexp = "(?i)none|small|large", message = "must be none, small or large") String gridSize,
            @Size(max = 20, message = "holds at most 20 grids") Map<String, @NotNull(message = "is null")
                    @Size(max = 500, message = "is at most 500 characters") String> grids,
            @Min(value = TrainingPlan.MIN_FOLDS, message = FOLDS) @Max(value = TrainingPlan.MAX_FOLDS, message = FOLDS) Integer folds,
            @Min(value = TrainingPlan.MIN_IMAGES, message = IMAGES) @Max(value = TrainingPlan.MAX_IMAGES, message = IMAGES)
            Integer cvImages,
            @Min(value = TrainingPlan.MIN_IMAGES, message = IMAGES) @Max(value = TrainingPlan.MAX_IMAGES, message = IMAGES)
            Integer trainingImages,
            Boolean includeDrawings,
            Long seed) implements JsonRequest {

        private static final String FOLDS = "must be between " + TrainingPlan.MIN_FOLDS + " and " + TrainingPlan.MAX_FOLDS;
        private static final String IMAGES = "must be between " + TrainingPlan.MIN_IMAGES + " and " + TrainingPlan.MAX_IMAGES;

        TrainingPlan plan() {
            return TrainingRequests.of(algorithms, gridSize, grids, folds, cvImages, trainingImages,
                    Boolean.TRUE.equals(includeDrawings), seed);
        }
    }

    public record Started(String runId) {
    }

    /** One line of the comparison table, for programs. */
    public record ComparedModel(String id, String algorithm, String library, Map<String, String> hyperparameters,
                                double testAccuracy, double macroF1, double trainingSeconds, double medianLatencyMicros,
                                long fileBytes, boolean served, boolean best, Double pValueAgainstBest) {
    }

    @Inject
    TrainingJobs jobs;

    @Inject
    ModelTraining training;

    @Inject
    ModelRegistry registry;

    @POST
    @Path("trainings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a training run; its best model is served when it beats the served one")
    public Response start(@NotNull(message = "A training order is a JSON object") @Valid
                          @BodyLimit(value = 10_000, what = "The training order") TrainingOrder order) {
        return Response.accepted(new Started(jobs.start(order.plan()))).build();
    }

    @GET
    @Path("trainings")
    @Operation(summary = "The latest training runs, newest first")
    public List<TrainingRun> runs(@QueryParam("limit") Integer limit) {
        return training.runs(limit == null ? 20 : Math.clamp(limit, 1, 200));
    }

    @GET
    @Path("trainings/current")
    @Operation(summary = "Where the current or last training run stands, model by model")
    public TrainingProgress.Snapshot current() {
        return jobs.current();
    }

    @POST
    @Path("trainings/current/stop")
    @Operation(summary = "Ask the current run to stop after its current step")
    public Response stop() {
        jobs.stop();
        return Response.accepted().build();
    }

    @GET
    @Path("trainings/{id}")
    @Operation(summary = "One training run")
    public TrainingRun run(@PathParam("id") String id) {
        return training.findRun(id).orElseThrow(() -> TrainingException.notFound("No training run " + id));
    }

    @POST
    @Path("trainings/{id}/restart")
    @Operation(summary = "Restart a failed, stopped or interrupted run; models it already trained are skipped")
    public Response restart(@PathParam("id") String id) {
        return Response.accepted(new Started(jobs.restart(id))).build();
    }

    @GET
    @Path("models")
    @Operation(summary = "The comparison table of registered models, sorted by a column, a page at a time (page from 1, "
            + "size 1 to 200, 100 by default); the X-Total-Count header gives how many models there are")
    public Response models(@QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") String page,
                           @QueryParam("size") String size) throws IOException {
        var pageNumber = WholeNumbers.optional(page, "page");
        var pageSize = WholeNumbers.optional(size, "size");
        if (pageNumber != null && pageNumber < 1) {
            throw ProblemException.badRequest("page starts at 1, got " + pageNumber);
        }
        if (pageSize != null && (pageSize < 1 || pageSize > 200)) {
            throw ProblemException.badRequest("size is 1 to 200, got " + pageSize);
        }
        var servedId = registry.servedId();
        var shown = Slice.of(ModelComparison.of(registry.models(), servedId, sort, !"asc".equals(dir)),
                pageNumber == null ? 1 : pageNumber, pageSize == null ? 100 : pageSize);
        var rows = shown.items().stream()
                .map(row -> new ComparedModel(row.model().id(), row.model().algorithm(), row.model().library(),
                        row.model().training().hyperparameters(), row.model().test().accuracy(), row.model().test().macroF1(), row.model().training().seconds(),
                        row.model().test().medianLatencyMicros(), row.model().file().bytes(), row.served(), row.best(),
                        row.againstBest().map(result -> result.pValue()).orElse(null)))
                .toList();
        return Response.ok(rows).header("X-Total-Count", shown.total()).build();
    }
}
