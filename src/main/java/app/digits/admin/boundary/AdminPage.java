package app.digits.admin.boundary;

import app.digits.admin.control.CsrfTokens;
import app.digits.admin.control.DrawingStatistics;
import app.digits.imaging.control.PngImages;
import app.digits.platform.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ServedModel;
import app.digits.training.control.Algorithm;
import app.digits.training.control.ModelReport;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingRequests;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The admin dashboard ({@code /admin}): the registered models with the served one marked and a button to
 * serve another (hot swap, no restart), a form that starts a training run (optionally with people's labelled
 * drawings) and follows its progress, accuracy on labelled drawings next to MNIST test accuracy, and the
 * gallery of corrected drawings. Guarded by {@link AdminGuard}.
 */
@WebServlet(urlPatterns = {"/admin", "/admin/serve", "/admin/train", "/admin/training", "/admin/model"})
public class AdminPage extends HttpServlet {

    private static final int GALLERY = 24;

    @Inject
    Views views;

    @Inject
    PageModels pages;

    @Inject
    ModelRegistry registry;

    @Inject
    DrawingStatistics statistics;

    @Inject
    TrainingJobs jobs;

    private void modelPage(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
            throws IOException {
        var id = request.getParameter("id");
        var descriptor = registry.models().stream().filter(d -> d.id().equals(id)).findFirst();
        if (descriptor.isEmpty() || descriptor.get().confusion() == null) {
            response.sendError(404, "No model with id " + id + " and test metrics");
            return;
        }
        var served = registry.served().map(ServedModel::descriptor);
        model.put("report", ModelReport.of(descriptor.get(), served));
        model.put("servedId", served.map(ModelDescriptor::id).orElse(""));
        views.page("model", model, request, response);
    }

    private void train(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("admin", "/admin");
        try {
            jobs.start(TrainingRequests.of(Algorithm.parse(request.getParameter("algorithm")),
                    Integer.parseInt(request.getParameter("trainingImages")), Integer.parseInt(request.getParameter("epochs")),
                    256, Integer.parseInt(request.getParameter("trees")), request.getParameter("includeDrawings") != null, 42));
        } catch (NumberFormatException e) {
            model.put("problem", ProblemException.badRequest("trainingImages, epochs and trees must be numbers"));
        } catch (ProblemException e) {
            model.put("problem", e);
        }
        model.put("training", jobs.current());
        views.fragment("admin", "training", model, request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("admin", "/admin");
        model.put("training", jobs.current());
        if ("/admin/training".equals(request.getServletPath())) {
            views.fragment("admin", "training", model, request, response);
            return;
        }
        if ("/admin/model".equals(request.getServletPath())) {
            modelPage(request, response, model);
            return;
        }
        model.put("csrf", CsrfTokens.tokenOf(request.getSession(true)));
        model.put("models", registry.models());
        model.put("algorithms", Algorithm.values());
        model.put("servedId", registry.served().map(served -> served.descriptor().id()).orElse(""));
        model.put("drawings", statistics.drawings());
        var labelled = statistics.labelled(GALLERY);
        model.put("onDrawings", labelled.byModel());
        model.put("corrections", labelled.latestCorrections());
        model.put("images", labelled.latestCorrections().stream().map(drawing -> PngImages.dataUrl(drawing.getOriginal())).toList());
        views.page("admin", model, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/admin/train".equals(request.getServletPath())) {
            train(request, response);
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
