package app.digits.site.boundary;

import app.digits.platform.boundary.Problem;
import app.digits.platform.control.ErrorFormats;
import app.digits.platform.control.Languages;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Problems;
import app.digits.platform.control.Views;
import app.digits.site.control.PageModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one way an error is answered, whoever raised it: the exception mappers (a problem thrown by a
 * controller, a resource or JAX-RS itself) and the {@link ErrorPage} servlet (the container's own refusals,
 * the admin authentication's) both come here. What the answer says is the problem's; its form follows
 * {@link ErrorFormats}: RFC 9457 problem+json for programs, the app's translated error page for browsers,
 * and for an HTMX request (which swaps the answer into the page) only the error's sentence. A problem that
 * says when to come back carries {@code Retry-After}; no error answer is cached.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Views views;

    @Inject
    PageModels pages;

    /**
     * The answer as a JAX-RS response. The matched resource says what its address is: a page if it produces
     * HTML (a controller), a program's address otherwise (the API, the figures); with none matched, the path.
     */
    public Response toResponse(ProblemException problem, ResourceInfo resource, HttpServletRequest request,
                               HttpServletResponse response) {
        var answer = answer(problem, producesHtml(resource), request, response);
        var built = Response.status(problem.status()).type(answer.contentType()).entity(answer.body())
                .header("Cache-Control", "no-store");
        answer.language().ifPresent(language -> built.header("Content-Language", language));
        problem.retryAfter().ifPresent(wait -> built.header("Retry-After", ProblemException.wholeSeconds(wait)));
        return built.build();
    }

    /** The answer written by a servlet, where JAX-RS does not reach. */
    public void write(ProblemException problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var answer = answer(problem, Optional.empty(), request, response);
        response.setStatus(problem.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(answer.contentType());
        answer.language().ifPresent(language -> response.setHeader("Content-Language", language));
        problem.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", String.valueOf(ProblemException.wholeSeconds(wait))));
        response.getWriter().write(answer.body());
    }

    private record Answer(String contentType, String body, Optional<String> language) {
    }

    /**
     * The sentence of the whole error page: for a form that was sent (a drawing posted without JavaScript), its
     * problem's own sentence when it has one ("only PNG and JPEG images are accepted"); for an address that was
     * visited, or a problem with no sentence of its own, the status's ("there is nothing at this address").
     */
    static String pageSentence(ProblemException problem, String method) {
        boolean sent = !"GET".equals(method) && !"HEAD".equals(method);
        return sent && !problem.messageKey().equals(ProblemException.GENERAL_SENTENCE) ? problem.messageKey() : Problems.pageMessageKey(problem.status());
    }

    private Answer answer(ProblemException problem, Optional<Boolean> pageAddress, HttpServletRequest request,
                          HttpServletResponse response) {
        var path = ErrorPage.requestedPath(request);
        boolean page = pageAddress.orElseGet(() -> !path.equals("/api") && !path.startsWith("/api/"));
        if (!ErrorFormats.wantsPage(request.getHeader("Accept"), page)) {
            var body = JSON.toJson(new Problem("about:blank", problem.title(), problem.status(), problem.detail(), path));
            return new Answer(Problem.MEDIA_TYPE + ";charset=UTF-8", body, Optional.empty());
        }
        var locale = Languages.choose(request, response);
        var model = pages.of("error", safeLink(path));
        model.put("problem", problem);
        model.put("status", problem.status());
        model.put("messageKey", pageSentence(problem, request.getMethod()));
        var view = request.getHeader("HX-Request") != null ? "error-message.html" : "error.html";
        var out = new StringWriter();
        try {
            views.render(view, model, locale, request, response, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer("text/html;charset=UTF-8", out.toString(), Optional.of(locale.getLanguage()));
    }

    private static Optional<Boolean> producesHtml(ResourceInfo resource) {
        var method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        var produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : method.getDeclaringClass().getAnnotation(Produces.class);
        return Optional.of(produces != null && Arrays.stream(produces.value()).anyMatch(type -> type.startsWith(MediaType.TEXT_HTML)));
    }

    /** The address the language links of the page repeat: the one asked for, unless it could lead elsewhere. */
    private static String safeLink(String path) {
        return path.matches("/[^/\\\\][^?#]{0,500}") ? path : "/";
    }
}
