package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where the container sends the errors that happen outside JAX-RS ({@code web.xml}'s error pages): its own
 * refusals around the application (a malformed request line), the admin authentication's 401 and 429, a
 * servlet's failure. They are answered like every other error, by {@link ErrorResponses};
 * what it says is decided by {@link Problems}. Asked for directly, it is a 404 like any unknown address.
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/error";
    /** The request attribute that hands a refused request's problem to this servlet. */
    private static final String PROBLEM = ErrorPage.class.getName() + ".problem";

    @Inject
    ErrorResponses errors;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var problem = problemOf(request);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        errors.write(problem, request, response);
    }

    /**
     * Refuses a request outside JAX-RS (an authentication mechanism, a servlet filter) with a problem: the
     * container's error dispatch brings it here, so it is answered like any other error.
     */
    public static void refuse(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(PROBLEM, problem);
        response.sendError(problem.status());
    }

    /** The path the client asked for (without the context path), also when the container forwarded here. */
    static String requestedPath(HttpServletRequest request) {
        var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var path = uri == null ? request.getRequestURI() : uri;
        return path.substring(Math.min(path.length(), request.getContextPath().length()));
    }

    private static ProblemException problemOf(HttpServletRequest request) {
        if (request.getAttribute(PROBLEM) instanceof ProblemException problem) {
            return problem;
        }
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return Problems.ofError(status instanceof Integer code ? code : 404,
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }
}
