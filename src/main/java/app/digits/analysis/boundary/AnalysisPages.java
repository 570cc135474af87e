package app.digits.analysis.boundary;

import app.digits.analysis.control.Analysis;
import app.digits.site.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.platform.control.WholeNumbers;
import app.digits.registry.control.ModelRegistry;
import app.digits.training.control.ModelComparison;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The analysis pages of the admin area: the exploration of MNIST ({@code /admin/exploration}, with HTMX
 * fragments to pick a training image by index or at random and a digit to see nine ways of writing it), the
 * error analysis of the served or a chosen model ({@code /admin/errors?model=}), and the slides
 * ({@code /admin/slides?n=}, arrow keys move between them with HTMX; {@code ?all} shows them all for printing
 * or saving as PDF). A refused parameter is a {@link ProblemException}, answered by the app's error page.
 */
@WebServlet(urlPatterns = {"/admin/exploration", "/admin/exploration/image", "/admin/exploration/digit", "/admin/errors",
        "/admin/slides"})
public class AnalysisPages extends HttpServlet {

    static final int SLIDES = 10;

    @Inject
    Views views;

    @Inject
    PageModels pages;

    @Inject
    Analysis analysis;

    @Inject
    ModelRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/admin/exploration/image" -> image(request, response);
            case "/admin/exploration/digit" -> digit(request, response);
            case "/admin/errors" -> errors(request, response);
            case "/admin/slides" -> slides(request, response);
            default -> exploration(request, response);
        }
    }

    private void exploration(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("exploration", "/admin/exploration");
        model.put("facts", analysis.facts());
        model.put("nearBlankInk", app.digits.analysis.control.DatasetFacts.NEAR_BLANK_INK);
        model.put("index", 0);
        model.put("label", analysis.image(0).label());
        model.put("digit", 7);
        views.page("exploration", model, request, response);
    }

    private void image(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int count = analysis.training().size();
        int index = request.getParameter("random") != null ? ThreadLocalRandom.current().nextInt(count)
                : WholeNumbers.required(request.getParameter("index"), "index");
        var model = pages.of("exploration", "/admin/exploration");
        model.put("index", String.valueOf(index));
        model.put("label", analysis.image(index).label());
        views.fragment("exploration", "image", model, request, response);
    }

    private void digit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int digit = WholeNumbers.required(request.getParameter("digit"), "digit");
        analysis.firstOf(digit, 1);
        var model = pages.of("exploration", "/admin/exploration");
        model.put("digit", digit);
        views.fragment("exploration", "digit", model, request, response);
    }

    private void errors(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("errors", "/admin/errors");
        var chosen = request.getParameter("model");
        var errors = analysis.errors(chosen);
        model.put("errors", errors);
        model.put("modelId", errors.model().id());
        model.put("models", registry.models().stream().filter(m -> m.testPredictions() != null).toList());
        if (request.getHeader("HX-Request") != null) {
            views.fragment("errors", "analysis", model, request, response);
        } else {
            views.page("errors", model, request, response);
        }
    }

    private void slides(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = pages.of("slides", "/admin/slides");
        int n = request.getParameter("n") == null ? 1 : Math.clamp(WholeNumbers.required(request.getParameter("n"), "n"), 1, SLIDES);
        boolean all = request.getParameter("all") != null;
        var served = registry.served().orElseThrow(() -> ProblemException.unavailable("No model is served yet"));
        model.put("n", n);
        model.put("all", all);
        model.put("count", SLIDES);
        model.put("facts", analysis.facts());
        model.put("nearBlankInk", app.digits.analysis.control.DatasetFacts.NEAR_BLANK_INK);
        model.put("errors", analysis.errors(null));
        model.put("served", served.descriptor());
        model.put("comparison", ModelComparison.of(registry.models(), served.descriptor().id(), "accuracy", true));
        if (request.getHeader("HX-Request") != null) {
            views.fragment("slides", "slide", model, request, response);
        } else {
            views.page("slides", model, request, response);
        }
    }
}
