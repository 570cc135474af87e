package app.digits.admin.boundary;

import app.digits.admin.control.CsrfTokens;
import app.digits.drawing.control.DrawingArchive;
import app.digits.drawing.entity.Review;
import app.digits.platform.control.WholeNumbers;
import app.digits.site.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.registry.control.ModelRegistry;
import app.digits.robustness.control.RobustnessTables;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.training.control.Algorithm;
import app.digits.training.control.ModelComparison;
import app.digits.training.control.ModelTraining;
import app.digits.training.control.TrainingJobs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin dashboard ({@code /admin}): the comparison table of registered models (sortable by any column,
 * re-sorted in place with HTMX at {@code /admin/models}), the served one marked, a button to serve another
 * (hot swap, no restart); the training form and the live progress of the current run; the past runs; how
 * the models do on people's labelled drawings, and the review of people's labels ({@code /admin/labels}: one
 * page at a time, accepted or rejected in bulk; only accepted labels can train a model); under the comparison,
 * each model's robustness table (set by set, as last measured by {@code POST /api/admin/robustness}). Guarded by
 * {@link AdminAuthentication} and {@link AdminRequests}.
 */
@WebServlet(urlPatterns = {"/admin", "/admin/models", "/admin/serve", "/admin/labels"})
public class AdminPage extends HttpServlet {

    private static final int GALLERY = 24;
    private static final int RUNS = 12;

    @Inject
    Views views;

    @Inject
    PageModels pages;

    @Inject
    ModelRegistry registry;

    @Inject
    DrawingArchive drawings;

    @Inject
    TrainingJobs jobs;

    @Inject
    ModelTraining training;

    @Inject
    RobustnessTables robustness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("admin", "/admin");
        model.put("csrf", CsrfTokens.tokenOf(request.getSession(true)));
        if (!comparison(request, response, model)) {
            return;
        }
        if ("/admin/models".equals(request.getServletPath())) {
            views.fragment("admin", "comparison", model, request, response);
            return;
        }
        if ("/admin/labels".equals(request.getServletPath())) {
            labels(request, response, model);
            return;
        }
        model.put("training", jobs.current());
        model.put("runs", training.runs(RUNS));
        model.put("algorithms", Algorithm.values());
        model.put("gridSizes", Algorithm.GridSize.values());
        model.put("drawings", drawings.count());
        model.put("onDrawings", drawings.scoresByModel());
        model.put("robustness", robustness.tables());
        model.put("robustnessSets", Arrays.stream(RobustnessSet.values()).map(RobustnessSet::key).toList());
        putLabels(request, model);
        views.page("admin", model, request, response);
    }

    /** The review of people's labels: one page of the labels in one state, and how many are in each. */
    private void putLabels(HttpServletRequest request, Map<String, Object> model) {
        var shown = review(request.getParameter("review"));
        var page = WholeNumbers.optional(request.getParameter("page"), "page");
        if (page != null && page < 1) {
            throw ProblemException.badRequest("page starts at 1, got " + page);
        }
        model.put("reviewShown", shown);
        model.put("reviewStates", Review.values());
        model.put("reviews", drawings.reviewCounts());
        model.put("labels", drawings.labels(shown, page == null ? 1 : page, GALLERY));
    }

    private void labels(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
            throws IOException {
        if ("POST".equals(request.getMethod())) {
            var ids = request.getParameterValues("id");
            drawings.review(ids == null ? List.of() : List.of(ids), review(request.getParameter("verdict")));
        }
        putLabels(request, model);
        views.fragment("admin", "labels", model, request, response);
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

    /** Puts the sorted comparison table in the model; answers 400 and returns false for an unknown column. */
    private boolean comparison(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
            throws IOException {
        var sort = request.getParameter("sort") == null ? "accuracy" : request.getParameter("sort");
        boolean descending = !"asc".equals(request.getParameter("dir"));
        var servedId = registry.servedId();
        try {
            model.put("comparison", ModelComparison.of(registry.models(), servedId, sort, descending));
        } catch (ProblemException e) {
            response.sendError(400, e.getMessage());
            return false;
        }
        model.put("sort", sort);
        model.put("descending", descending);
        model.put("servedId", servedId);
        return true;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/admin/labels".equals(request.getServletPath())) {
            labels(request, response, pages.of("admin", "/admin"));
            return;
        }
        try {
            registry.serve(request.getParameter("id"));
        } catch (IllegalArgumentException e) {
            response.sendError(404, e.getMessage());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/admin");
    }
}
