package app.digits.admin.boundary;

import app.digits.admin.control.Mistakes;
import app.digits.analysis.control.GridPlot;
import app.digits.dataset.control.MnistReader;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.GridPoint;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ServedModel;
import app.digits.site.control.PageModels;
import app.digits.training.control.ModelReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;

/**
 * One model's page ({@code /admin/model?id=}): its facts and chosen hyperparameters, McNemar's test against
 * the served model, the confusion matrix as a heatmap, per-digit precision/recall/F1, the grid-search table
 * with its plot, and the gallery of its mistakes on the test set, paged and filtered by true digit with HTMX
 * ({@code /admin/model/mistakes}); a confusion-matrix cell opens that gallery on its (true, predicted) pair. An unknown id is a 404 on the app's error page.
 */
@Controller
@RequestScoped
@Path("admin/model")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ModelController {

    private static final int MISTAKES_PER_PAGE = 40;

    @Inject
    Models models;

    @Inject
    PageModels pages;

    @Inject
    ModelRegistry registry;

    @Inject
    MnistReader reader;

    @GET
    public String page(@QueryParam("id") String id, @QueryParam("digit") String digit, @QueryParam("predicted") String predicted,
                       @QueryParam("page") String page)
            throws IOException {
        var descriptor = mistakes(id, digit, predicted, page);
        var served = registry.served().map(ServedModel::descriptor);
        models.put("report", ModelReport.of(descriptor, served));
        models.put("servedId", served.map(ModelDescriptor::id).orElse(""));
        models.put("plot", GridPlot.svg(descriptor.gridSearch(), descriptor.gridAxis()));
        models.put("chosenPoint", chosenPoint(descriptor));
        return "model.html";
    }

    @GET
    @Path("mistakes")
    public String mistakesFragment(@QueryParam("id") String id, @QueryParam("digit") String digit,
                                   @QueryParam("predicted") String predicted, @QueryParam("page") String page)
            throws IOException {
        mistakes(id, digit, predicted, page);
        return "model.html::mistakes";
    }

    /**
     * Puts the model and one page of its mistakes in the models, or of one confusion-matrix cell's images when
     * {@code predicted} is given with {@code digit}; a digit or page that is no number is ignored.
     */
    private ModelDescriptor mistakes(String id, String digitValue, String predictedValue, String pageValue) throws IOException {
        var descriptor = registry.models().stream().filter(d -> d.id().equals(id)).findFirst()
                .filter(d -> d.confusion() != null)
                .orElseThrow(() -> ProblemException.notFound("No model with this id and test metrics"));
        pages.of("model", "/admin").forEach(models::put);
        Integer digit = oneDigit(digitValue);
        Integer predicted = digit == null ? null : oneDigit(predictedValue);
        int page = pageValue != null && pageValue.matches("[0-9]{1,5}") ? Integer.parseInt(pageValue) : 1;
        models.put("mistakes", Mistakes.of(descriptor, reader.testSet(), digit, predicted, page, MISTAKES_PER_PAGE));
        models.put("digit", digit);
        models.put("predicted", predicted);
        models.put("m", descriptor);
        return descriptor;
    }

    private static Integer oneDigit(String value) {
        return value != null && value.matches("[0-9]") ? Integer.valueOf(value) : null;
    }

    /** The index of the grid point whose hyperparameters the model was trained with, or -1. */
    private static int chosenPoint(ModelDescriptor descriptor) {
        var points = descriptor.gridSearch() == null ? List.<GridPoint>of() : descriptor.gridSearch();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).parameters().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(descriptor.parameters().get(e.getKey())))) {
                return i;
            }
        }
        return -1;
    }
}
