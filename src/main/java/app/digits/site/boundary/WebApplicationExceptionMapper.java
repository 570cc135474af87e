package app.digits.site.boundary;

import app.digits.platform.control.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the errors JAX-RS raises itself (unknown path, wrong method, unsupported media type, unreadable
 * body) the app's error answer, worded by {@link Problems}: the exception's message and cause come from the
 * JAX-RS runtime and are not for clients. Headers such as {@code Allow} stay.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    ErrorResponses errors;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Override
    public Response toResponse(WebApplicationException exception) {
        var answer = errors.toResponse(Problems.of(exception.getResponse().getStatus()), request, response);
        var merged = Response.fromResponse(answer);
        exception.getResponse().getStringHeaders().forEach((name, values) -> {
            if (!answer.getHeaders().containsKey(name) && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> merged.header(name, value));
            }
        });
        return merged.build();
    }
}
