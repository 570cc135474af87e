package app.digits.site.boundary;

import app.digits.platform.boundary.ProblemFilter;
import app.digits.platform.boundary.ProblemWriter;
import app.digits.platform.control.ErrorFormats;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Problems;
import app.digits.platform.control.Views;
import app.digits.site.control.PageModels;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The one error path of the servlet side: {@code WEB-INF/web.xml} sends every error status and uncaught
 * exception here, whether a page raised it (through {@link ProblemFilter}), a servlet called
 * {@code sendError}, the admin authentication refused it, or the container refused the request around the
 * application. A browser asking for HTML gets the app's error page in its language; any other client
 * problem+json like the exception mappers ({@link ErrorFormats}). A problem that says when to come back
 * carries {@code Retry-After}.
 * What it says is decided by {@link Problems}; asked for directly, it is a 404 like any unknown address.
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/error";

    @Inject
    Views views;

    @Inject
    PageModels pages;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var problem = problemOf(request);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var path = uri == null ? request.getRequestURI() : uri;
        problem.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", String.valueOf(ProblemException.wholeSeconds(wait))));
        boolean api = path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/api");
        if (!ErrorFormats.wantsPage(request.getHeader("Accept"), !api)) {
            ProblemWriter.write(response, problem.status(), problem.title(), problem.detail());
            return;
        }
        response.setStatus(problem.status());
        response.setHeader("Cache-Control", "no-store");
        var model = pages.of("error", safeLink(path));
        model.put("problem", problem);
        model.put("status", problem.status());
        model.put("messageKey", Problems.pageMessageKey(problem.status()));
        views.page("error", model, request, response);
    }

    private static ProblemException problemOf(HttpServletRequest request) {
        if (request.getAttribute(ProblemFilter.PROBLEM) instanceof ProblemException problem) {
            return problem;
        }
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return Problems.ofError(status instanceof Integer code ? code : 404,
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }

    /** The address the language links of the page repeat: the one asked for, unless it could lead elsewhere. */
    private static String safeLink(String path) {
        return path.matches("/[^/\\\\][^?#]{0,500}") ? path : "/";
    }
}
