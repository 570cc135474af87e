package app.digits.platform.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the problems raised by control code into problem+json responses with their own status. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException problem) {
        return response(problem, "/" + uriInfo.getPath());
    }

    /** The problem+json answer; one that says when to come back also says not to cache it. */
    static Response response(ProblemException problem, String instance) {
        var response = Problem.response(problem.status(), problem.title(), problem.detail(), instance);
        problem.retryAfter().ifPresent(wait -> {
            response.getHeaders().putSingle("Retry-After", String.valueOf(ProblemException.wholeSeconds(wait)));
            response.getHeaders().putSingle("Cache-Control", "no-store");
        });
        return response;
    }
}
