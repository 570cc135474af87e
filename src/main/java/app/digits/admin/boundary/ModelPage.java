package app.digits.admin.boundary;

import app.digits.analysis.control.GridPlot;
import app.digits.admin.control.Mistakes;
import app.digits.dataset.control.MnistReader;
import app.digits.site.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ServedModel;
import app.digits.training.control.ModelReport;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One model's page ({@code /admin/model?id=}): its facts and chosen hyperparameters, McNemar's test against
 * the served model, the confusion matrix as a heatmap, per-digit precision/recall/F1, the grid-search table
 * with its plot, and the gallery of its mistakes on the test set, paged and filtered by true digit with HTMX
 * ({@code /admin/model/mistakes}).
 */
@WebServlet(urlPatterns = {"/admin/model", "/admin/model/mistakes"})
public class ModelPage extends HttpServlet {

    private static final int MISTAKES_PER_PAGE = 40;

    @Inject
    Views views;

    @Inject
    PageModels pages;

    @Inject
    ModelRegistry registry;

    @Inject
    MnistReader reader;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var id = request.getParameter("id");
        var found = registry.models().stream().filter(d -> d.id().equals(id)).findFirst();
        var descriptor = found.filter(d -> d.confusion() != null)
                .orElseThrow(() -> ProblemException.notFound("No model with this id and test metrics"));
        var model = pages.of("model", "/admin");
        Integer digit = digitParameter(request);
        model.put("mistakes", Mistakes.of(descriptor, reader.testSet(), digit, pageParameter(request), MISTAKES_PER_PAGE));
        model.put("digit", digit);
        model.put("m", descriptor);
        if ("/admin/model/mistakes".equals(request.getServletPath())) {
            views.fragment("model", "mistakes", model, request, response);
            return;
        }
        var served = registry.served().map(ServedModel::descriptor);
        model.put("report", ModelReport.of(descriptor, served));
        model.put("servedId", served.map(ModelDescriptor::id).orElse(""));
        model.put("plot", GridPlot.svg(descriptor.gridSearch(), descriptor.gridAxis()));
        model.put("chosenPoint", chosenPoint(descriptor));
        views.page("model", model, request, response);
    }

    /** The index of the grid point whose hyperparameters the model was trained with, or -1. */
    private static int chosenPoint(ModelDescriptor descriptor) {
        var points = descriptor.gridSearch() == null ? java.util.List.<app.digits.registry.entity.GridPoint>of() : descriptor.gridSearch();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).parameters().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(descriptor.parameters().get(e.getKey())))) {
                return i;
            }
        }
        return -1;
    }

    private static Integer digitParameter(HttpServletRequest request) {
        var value = request.getParameter("digit");
        return value != null && value.matches("[0-9]") ? Integer.valueOf(value) : null;
    }

    private static int pageParameter(HttpServletRequest request) {
        var value = request.getParameter("page");
        return value != null && value.matches("[0-9]{1,5}") ? Integer.parseInt(value) : 1;
    }
}
