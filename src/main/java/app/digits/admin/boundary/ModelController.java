package app.digits.admin.boundary;

import app.digits.admin.control.Mistakes;
import app.digits.admin.control.ModelDiff;
import app.digits.analysis.control.Chart;
import app.digits.analysis.control.EpochChart;
import app.digits.analysis.control.GridPlot;
import app.digits.dataset.control.MnistReader;
import app.digits.platform.control.BundleMessageResolver;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ServedModel;
import app.digits.training.control.ModelReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.MvcContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * One model's page ({@code /admin/model?id=}): its facts and chosen hyperparameters, McNemar's test against
 * the served model, the confusion matrix as a heatmap, per-digit precision/recall/F1, the grid-search table
 * with its plot, a network's learning curves (loss and held-out accuracy per epoch), and the gallery of its
 * mistakes on the test set, paged and filtered by true digit with HTMX ({@code /admin/model/mistakes}); a
 * confusion-matrix cell opens that gallery on its (true, predicted) pair; and two models compared line by line
 * ({@code /admin/model/diff}). An unknown id is a 404 on the app's error page.
 */
@Controller
@RequestScoped
@Path("admin/model")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ModelController {

    private static final int MISTAKES_PER_PAGE = 40;

    @Inject
    AdminPages admin;

    @Inject
    MvcContext mvc;

    @Inject
    MnistReader reader;

    @GET
    public String page(@QueryParam("id") String id, @QueryParam("digit") String digit, @QueryParam("predicted") String predicted,
                       @QueryParam("page") String page)
            throws IOException {
        var models = admin.show("model");
        var descriptor = mistakes(models, id, digit, predicted, page);
        var served = admin.registry().served().map(ServedModel::descriptor);
        models.put("report", ModelReport.of(descriptor, served));
        models.put("servedId", served.map(ModelDescriptor::id).orElse(""));
        var locale = mvc.getLocale();
        var training = descriptor.training();
        models.put("plot", Chart.of(width -> GridPlot.svg(training.gridSearch(), training.gridAxis(), new GridPlot.Labels(
                text(locale, "model.grid.plot", training.gridAxis()), text(locale, "model.grid.plot.cv"), locale, width))));
        models.put("curves", Chart.of(width -> EpochChart.svg(training.epochs(), new EpochChart.Labels(text(locale, "model.curves.title"),
                text(locale, "model.curves.epoch"), text(locale, "model.curves.loss"), text(locale, "model.curves.accuracy"), locale, width))));
        models.put("chosenPoint", chosenPoint(descriptor));
        return "model.html";
    }

    /** Two models side by side ({@code /admin/model/diff?a=&b=}), their differences marked. */
    @GET
    @Path("diff")
    public String diff(@QueryParam("a") String a, @QueryParam("b") String b) throws IOException {
        admin.show("diff").put("diff", ModelDiff.of(admin.model(a), admin.model(b)));
        return "diff.html";
    }

    @GET
    @Path("mistakes")
    public String mistakesFragment(@QueryParam("id") String id, @QueryParam("digit") String digit,
                                   @QueryParam("predicted") String predicted, @QueryParam("page") String page)
            throws IOException {
        mistakes(admin.show("model"), id, digit, predicted, page);
        return "model.html::mistakes";
    }

    /**
     * Puts the model and one page of its mistakes in {@code models}, or of one confusion-matrix cell's images when
     * {@code predicted} is given with {@code digit}; a digit or page that is no number is ignored.
     */
    private ModelDescriptor mistakes(Models models, String id, String digitValue, String predictedValue, String pageValue)
            throws IOException {
        var descriptor = admin.model(id);
        if (descriptor.test().confusion() == null) {
            throw ProblemException.notFound("Model " + id + " has no test metrics");
        }
        Integer digit = oneDigit(digitValue);
        Integer predicted = digit == null ? null : oneDigit(predictedValue);
        int page = pageValue != null && pageValue.matches("[0-9]{1,5}") ? Integer.parseInt(pageValue) : 1;
        models.put("mistakes", Mistakes.of(descriptor, reader.testSet(), digit, predicted, page, MISTAKES_PER_PAGE));
        models.put("digit", digit);
        models.put("predicted", predicted);
        models.put("m", descriptor);
        return descriptor;
    }

    private static String text(java.util.Locale locale, String key, Object... parameters) {
        return BundleMessageResolver.message(locale, key, parameters);
    }

    private static Integer oneDigit(String value) {
        return value != null && value.matches("[0-9]") ? Integer.valueOf(value) : null;
    }

    /** The index of the grid point whose hyperparameters the model was trained with, or -1. */
    private static int chosenPoint(ModelDescriptor descriptor) {
        var points = descriptor.training().gridSearch();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).parameters().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(descriptor.training().hyperparameters().get(e.getKey())))) {
                return i;
            }
        }
        return -1;
    }
}
