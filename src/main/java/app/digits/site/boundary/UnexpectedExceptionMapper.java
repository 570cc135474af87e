package app.digits.site.boundary;

import app.digits.platform.control.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last line of defence: a bug becomes a 500 with a reference the log can be searched for, never a stack
 * trace or an exception message in the response.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Inject
    ErrorResponses errors;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Override
    public Response toResponse(Throwable error) {
        return errors.toResponse(Problems.unexpected(error), request, response);
    }
}
