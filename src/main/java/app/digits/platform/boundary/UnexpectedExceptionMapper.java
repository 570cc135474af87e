package app.digits.platform.boundary;

import app.digits.platform.control.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last line of defence: a bug becomes a 500 problem with a reference the log can be searched for,
 * never a stack trace or an exception message in the response.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        var problem = Problems.unexpected(error);
        return Problem.response(problem.status(), problem.title(), problem.detail(), "/" + uriInfo.getPath());
    }
}
