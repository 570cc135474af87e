package app.digits.admin.boundary;

import app.digits.site.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.platform.control.WholeNumbers;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingRequests;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's training panel, as HTMX fragments: start a run from the form (models, grid size, folds,
 * images), follow it ({@code /admin/training}, polled every two seconds while it runs), stop it, or restart
 * a failed, stopped or interrupted run. A refused request shows its reason in the panel.
 */
@WebServlet(urlPatterns = {"/admin/train", "/admin/training", "/admin/training/stop", "/admin/training/restart"})
public class TrainingPage extends HttpServlet {

    @Inject
    Views views;

    @Inject
    PageModels pages;

    @Inject
    TrainingJobs jobs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        panel(pages.of("admin", "/admin"), request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("admin", "/admin");
        try {
            switch (request.getServletPath()) {
                case "/admin/train" -> jobs.start(plan(request));
                case "/admin/training/stop" -> jobs.stop();
                default -> jobs.restart(request.getParameter("run"));
            }
        } catch (ProblemException e) {
            model.put("problem", e);
        }
        panel(model, request, response);
    }

    private static app.digits.training.control.TrainingPlan plan(HttpServletRequest request) {
        var algorithms = request.getParameterValues("algorithms");
        if (algorithms == null) {
            throw ProblemException.badRequest("Choose at least one model to train");
        }
        return TrainingRequests.of(List.of(algorithms), request.getParameter("gridSize"), Map.of(),
                WholeNumbers.optional(request.getParameter("folds"), "folds"),
                WholeNumbers.optional(request.getParameter("cvImages"), "cvImages"),
                WholeNumbers.optional(request.getParameter("trainingImages"), "trainingImages"),
                request.getParameter("includeDrawings") != null, null);
    }

    private void panel(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        model.put("training", jobs.current());
        views.fragment("admin", "training", model, request, response);
    }
}
