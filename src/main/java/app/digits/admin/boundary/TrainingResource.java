package app.digits.admin.boundary;

import app.digits.platform.boundary.BodyLimit;
import app.digits.platform.boundary.JsonRequest;
import app.digits.platform.control.ProblemException;
import app.digits.registry.control.ModelRegistry;
import app.digits.training.control.ModelComparison;
import app.digits.training.control.ModelTraining;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingProgress;
import app.digits.training.control.TrainingRequests;
import app.digits.training.entity.TrainingRun;
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

    /** What to train; absent fields take the defaults (every algorithm, the small grid, 3 folds on 5,000 images). */
    public record TrainingOrder(List<String> algorithms, String gridSize, Map<String, String> grids, Integer folds,
                                Integer cvImages, Integer trainingImages, Boolean includeDrawings, Long seed)
            implements JsonRequest {
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
    public Response start(@BodyLimit(value = 10_000, what = "The training order") TrainingOrder order) {
        var plan = TrainingRequests.of(order.algorithms(), order.gridSize(), order.grids(), order.folds(), order.cvImages(),
                order.trainingImages(), Boolean.TRUE.equals(order.includeDrawings()), order.seed());
        return Response.accepted(new Started(jobs.start(plan))).build();
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
        return training.findRun(id).orElseThrow(() -> ProblemException.notFound("No training run " + id));
    }

    @POST
    @Path("trainings/{id}/restart")
    @Operation(summary = "Restart a failed, stopped or interrupted run; models it already trained are skipped")
    public Response restart(@PathParam("id") String id) {
        return Response.accepted(new Started(jobs.restart(id))).build();
    }

    @GET
    @Path("models")
    @Operation(summary = "The comparison table of registered models, sorted by a column")
    public List<ComparedModel> models(@QueryParam("sort") String sort, @QueryParam("dir") String dir) throws IOException {
        var servedId = registry.servedId();
        return ModelComparison.of(registry.models(), servedId, sort, !"asc".equals(dir)).stream()
                .map(row -> new ComparedModel(row.model().id(), row.model().algorithm(), row.model().library(),
                        row.model().parameters(), row.model().testAccuracy(), row.model().macroF1(), row.model().trainingSeconds(),
                        row.model().medianLatencyMicros(), row.model().fileBytes(), row.served(), row.best(),
                        row.againstBest().map(result -> result.pValue()).orElse(null)))
                .toList();
    }
}
