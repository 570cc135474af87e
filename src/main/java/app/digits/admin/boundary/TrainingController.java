package app.digits.admin.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import app.digits.platform.control.WholeNumbers;
import app.digits.site.boundary.TrainingExceptionMapper;
import app.digits.training.control.TrainingException;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.security.CsrfProtected;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's training panel, as HTMX fragments: start a run from the form (models, grid size, folds,
 * images), follow it ({@code /admin/training}, polled every two seconds while it runs), stop it, or restart
 * a failed, stopped or interrupted run. A refused order (nothing chosen, a run already going) is the form's
 * feedback, shown in the panel beside the run it did not disturb, as a form's validation errors are.
 */
@Controller
@RequestScoped
@Path("admin")
@RolesAllowed(Roles.ADMIN)
@CsrfProtected
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TrainingController {

    private static final String PANEL = "admin.html::training";

    @Inject
    AdminPages admin;

    @Inject
    TrainingJobs jobs;

    @GET
    @Path("training")
    public String panel() {
        admin.show("admin").put("training", jobs.current());
        return PANEL;
    }

    @POST
    @Path("train")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String train(@FormParam("algorithms") List<String> algorithms, @FormParam("gridSize") String gridSize,
                        @FormParam("folds") String folds, @FormParam("cvImages") String cvImages,
                        @FormParam("trainingImages") String trainingImages,
                        @FormParam("includeDrawings") String includeDrawings) {
        return act(() -> {
            if (algorithms.isEmpty()) {
                throw ProblemException.badRequest("Choose at least one model to train");
            }
            jobs.start(TrainingRequests.of(algorithms, gridSize, Map.of(), WholeNumbers.optional(folds, "folds"),
                    WholeNumbers.optional(cvImages, "cvImages"), WholeNumbers.optional(trainingImages, "trainingImages"),
                    includeDrawings != null, null));
        });
    }

    @POST
    @Path("training/stop")
    public String stop() {
        return act(jobs::stop);
    }

    @POST
    @Path("training/restart")
    public String restart(@QueryParam("run") String run) {
        return act(() -> jobs.restart(run));
    }

    private String act(Runnable order) {
        try {
            order.run();
        } catch (ProblemException refused) {
            admin.show("admin").put("problem", refused);
        } catch (TrainingException refused) {
            admin.show("admin").put("problem", TrainingExceptionMapper.of(refused));
        }
        return panel();
    }
}
