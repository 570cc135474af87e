package app.digits.analysis.boundary;

import app.digits.analysis.control.Analysis;
import app.digits.analysis.control.DatasetFacts;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Roles;
import app.digits.platform.control.WholeNumbers;
import app.digits.registry.control.ModelRegistry;
import app.digits.site.control.PageModels;
import app.digits.training.control.ModelComparison;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The analysis pages of the admin area: the exploration of MNIST ({@code /admin/exploration}, with HTMX
 * fragments to pick a training image by index or at random and a digit to see nine ways of writing it), the
 * error analysis of the served or a chosen model ({@code /admin/errors?model=}), and the slides
 * ({@code /admin/slides?n=}, arrow keys move between them with HTMX; {@code ?all} shows them all for printing
 * or saving as PDF). An HTMX request gets the fragment it swaps. A refused parameter is a
 * {@link ProblemException}, answered by the app's error path.
 */
@Controller
@RequestScoped
@Path("admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AnalysisController {

    static final int SLIDES = 10;
    private static final String HTMX = "HX-Request";

    @Inject
    Models models;

    @Inject
    PageModels pages;

    @Inject
    Analysis analysis;

    @Inject
    ModelRegistry registry;

    @GET
    @Path("exploration")
    public String exploration() {
        pages.of("exploration", "/admin/exploration").forEach(models::put);
        models.put("facts", analysis.facts());
        models.put("nearBlankInk", DatasetFacts.NEAR_BLANK_INK);
        models.put("index", 0);
        models.put("label", analysis.image(0).label());
        models.put("digit", 7);
        return "exploration.html";
    }

    @GET
    @Path("exploration/image")
    public String image(@QueryParam("index") String index, @QueryParam("random") String random) {
        int count = analysis.training().size();
        int chosen = random != null ? ThreadLocalRandom.current().nextInt(count) : WholeNumbers.required(index, "index");
        pages.of("exploration", "/admin/exploration").forEach(models::put);
        models.put("index", String.valueOf(chosen));
        models.put("label", analysis.image(chosen).label());
        return "exploration.html::image";
    }

    @GET
    @Path("exploration/digit")
    public String digit(@QueryParam("digit") String digitValue) {
        int digit = WholeNumbers.required(digitValue, "digit");
        analysis.firstOf(digit, 1);
        pages.of("exploration", "/admin/exploration").forEach(models::put);
        models.put("digit", digit);
        return "exploration.html::digit";
    }

    @GET
    @Path("errors")
    public String errors(@QueryParam("model") String model, @HeaderParam(HTMX) String htmx) throws IOException {
        pages.of("errors", "/admin/errors").forEach(models::put);
        var errors = analysis.errors(model);
        models.put("errors", errors);
        models.put("modelId", errors.model().id());
        models.put("models", registry.models().stream().filter(m -> m.test().predictions() != null).toList());
        return htmx != null ? "errors.html::analysis" : "errors.html";
    }

    @GET
    @Path("slides")
    public String slides(@QueryParam("n") String number, @QueryParam("all") String all, @HeaderParam(HTMX) String htmx) throws IOException {
        pages.of("slides", "/admin/slides").forEach(models::put);
        int n = number == null ? 1 : Math.clamp(WholeNumbers.required(number, "n"), 1, SLIDES);
        var served = registry.served().orElseThrow(() -> ProblemException.unavailable("No model is served yet"));
        models.put("n", n);
        models.put("all", all != null);
        models.put("count", SLIDES);
        models.put("facts", analysis.facts());
        models.put("nearBlankInk", DatasetFacts.NEAR_BLANK_INK);
        models.put("errors", analysis.errors(null));
        models.put("served", served.descriptor());
        models.put("comparison", ModelComparison.of(registry.models(), served.descriptor().id(), "accuracy", true));
        return htmx != null ? "slides.html::slide" : "slides.html";
    }
}
