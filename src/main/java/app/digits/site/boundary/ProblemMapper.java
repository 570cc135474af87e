package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * What every exception mapper does: say which problem an exception is, and let {@link ErrorResponses} answer
 * it, as problem+json or as the translated page, like every other error.
 */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Inject
    ErrorResponses errors;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    ResourceInfo resource;

    /** The problem this exception is, for the client. */
    abstract ProblemException problemOf(E exception);

    @Override
    public Response toResponse(E exception) {
        return errors.toResponse(problemOf(exception), resource, request, response);
    }
}
