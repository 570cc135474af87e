package app.digits.platform.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets pages refuse a request by throwing a {@link ProblemException}, as control code does: the problem is
 * handed to the {@link ErrorPage} through the container's error dispatch, so pages need no error branch of
 * their own and the log is not filled with the stack traces of people's typos.
 */
@WebFilter(urlPatterns = "/*")
public class ProblemFilter extends HttpFilter {

    /** The request attribute that hands a refused request\'s problem to the error page. */
    public static final String PROBLEM = ProblemFilter.class.getName() + ".problem";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ProblemException problem) {
            refuse(problem, request, response);
        } catch (ServletException e) {
            if (!(e.getRootCause() instanceof ProblemException problem)) {
                throw e;
            }
            refuse(problem, request, response);
        }
    }

    /** Hands the problem to the error page, which answers it as problem+json or as the translated page. */
    public static void refuse(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            throw problem;
        }
        request.setAttribute(PROBLEM, problem);
        response.sendError(problem.status());
    }
}
