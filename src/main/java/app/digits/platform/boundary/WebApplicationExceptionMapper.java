package app.digits.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the errors JAX-RS raises itself (unknown path, wrong method, unsupported media type, unreadable
 * body) the same problem+json shape as the application's own.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        var status = exception.getResponse().getStatusInfo();
        var detail = status.getStatusCode() == 400 && exception.getCause() != null
                ? "The request body could not be read: " + exception.getCause().getMessage()
                : exception.getMessage();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail, "/" + uriInfo.getPath());
    }
}
