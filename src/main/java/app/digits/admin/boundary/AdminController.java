package app.digits.admin.boundary;

import app.digits.admin.control.Slice;
import app.digits.drawing.control.DrawingArchive;
import app.digits.drawing.entity.Review;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import app.digits.platform.control.WholeNumbers;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.robustness.control.RobustnessTables;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.training.control.Algorithm;
import app.digits.training.control.ModelComparison;
import app.digits.training.control.ModelTraining;
import app.digits.training.control.TrainingJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.security.CsrfProtected;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The admin dashboard ({@code /admin}): the comparison table of registered models (sortable by any column, a
 * page at a time, re-sorted and paged in place with HTMX at {@code /admin/models}), the served one marked, a
 * button to serve another (hot swap, no restart); the training panel ({@link TrainingController}); the past
 * runs; how the models do on people's labelled drawings, and the review of people's labels
 * ({@code /admin/labels}: one page at a time, accepted or rejected in bulk, swapped in by HTMX or, opened
 * directly, shown in the whole dashboard; only accepted labels can train a model); under the comparison, the
 * robustness table of each model of its page (set by set, as last measured by {@code POST
 * /api/admin/robustness}). Admin only (Jakarta Security, {@link AdminAuthentication}); its posts carry the
 * session's CSRF token.
 */
@Controller
@RequestScoped
@Path("admin")
@RolesAllowed(Roles.ADMIN)
@CsrfProtected
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdminController {

    private static final int GALLERY = 24;
    private static final int RUNS = 12;
    /** Models a page of the comparison: two default runs and the first start's model. */
    private static final int MODELS = 20;

    @Inject
    AdminPages admin;

    @Inject
    DrawingArchive drawings;

    @Inject
    TrainingJobs jobs;

    @Inject
    ModelTraining training;

    @Inject
    RobustnessTables robustness;

    @GET
    public String dashboard(@QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("modelPage") String modelPage,
                            @QueryParam("review") String review, @QueryParam("page") String page)
            throws IOException {
        var models = comparison(sort, dir, modelPage);
        models.put("training", jobs.current());
        models.put("runs", training.runs(RUNS));
        models.put("algorithms", Algorithm.values());
        models.put("gridSizes", Algorithm.GridSize.values());
        models.put("drawings", drawings.count());
        models.put("onDrawings", drawings.scoresByModel());
        putLabels(review, page);
        return "admin.html";
    }

    @GET
    @Path("models")
    public String comparisonTable(@QueryParam("sort") String sort, @QueryParam("dir") String dir,
                                  @QueryParam("modelPage") String modelPage) throws IOException {
        comparison(sort, dir, modelPage);
        return "admin.html::comparison";
    }

    /** The labels' review as HTMX swaps it; opened as a page of its own, the whole dashboard showing it. */
    @GET
    @Path("labels")
    public String labels(@QueryParam("review") String review, @QueryParam("page") String page,
                         @HeaderParam("HX-Request") String htmx) throws IOException {
        if (htmx == null) {
            return dashboard(null, null, null, review, page);
        }
        putLabels(review, page);
        return "admin.html::labels";
    }

    @POST
    @Path("labels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String reviewLabels(@FormParam("id") List<String> ids, @FormParam("verdict") String verdict,
                               @FormParam("review") String review, @FormParam("page") String page) {
        drawings.review(ids, review(verdict));
        putLabels(review, page);
        return "admin.html::labels";
    }

    @POST
    @Path("serve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response serve(@FormParam("id") String id) throws IOException {
        try {
            admin.registry().serve(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        return Response.status(Response.Status.SEE_OTHER).header("Location", admin.dashboardUrl()).build();
    }

    /** The review of people's labels: one page of the labels in one state, and how many are in each. */
    private void putLabels(String review, String pageNumber) {
        var models = admin.showWithForms("admin");
        var shown = review(review);
        var page = WholeNumbers.optional(pageNumber, "page");
        if (page != null && page < 1) {
            throw ProblemException.badRequest("page starts at 1, got " + page);
        }
        models.put("reviewShown", shown);
        models.put("reviewStates", Review.values());
        models.put("reviews", drawings.reviewCounts());
        models.put("labels", drawings.labels(shown, page == null ? 1 : page, GALLERY));
    }

    private static Review review(String name) {
        if (name == null || name.isBlank()) {
            return Review.PENDING;
        }
        try {
            return Review.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("A review is pending, accepted or rejected, not '" + name + "'");
        }
    }

    /**
     * One page of the sorted comparison table, with the robustness tables of its models and every model's test
     * accuracy (for the accuracy on people's drawings, whichever page shows the model); an unknown column or a
     * page below 1 is a 400.
     */
    private Models comparison(String sort, String dir, String modelPage) throws IOException {
        var models = admin.showWithForms("admin");
        var column = sort == null ? "accuracy" : sort;
        boolean descending = !"asc".equals(dir);
        var page = WholeNumbers.optional(modelPage, "modelPage");
        if (page != null && page < 1) {
            throw ProblemException.badRequest("modelPage starts at 1, got " + page);
        }
        var servedId = admin.registry().servedId();
        var registered = admin.registry().models();
        var shown = Slice.of(ModelComparison.of(registered, servedId, column, descending), page == null ? 1 : page, MODELS);
        models.put("comparison", shown.items());
        models.put("comparisonPage", shown);
        models.put("testAccuracy", registered.stream().collect(Collectors.toMap(ModelDescriptor::id, d -> d.test().accuracy())));
        models.put("robustness", robustness.tables(shown.items().stream().map(row -> row.model().id()).toList()));
        models.put("robustnessSets", Arrays.stream(RobustnessSet.values()).map(RobustnessSet::key).toList());
        models.put("sort", column);
        models.put("descending", descending);
        models.put("servedId", servedId);
        return models;
    }
}
