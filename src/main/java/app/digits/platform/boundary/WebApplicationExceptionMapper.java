package app.digits.platform.boundary;

import app.digits.platform.control.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the errors JAX-RS raises itself (unknown path, wrong method, unsupported media type, unreadable
 * body) the same problem+json shape as the application's own, worded by {@link Problems}: the exception's
 * message and cause come from the JAX-RS runtime and are not for clients. Headers such as {@code Allow} stay.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        var problem = Problems.of(exception.getResponse().getStatus());
        return Response.fromResponse(exception.getResponse())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", problem.title(), problem.status(), problem.detail(), "/" + uriInfo.getPath()))
                .build();
    }
}
