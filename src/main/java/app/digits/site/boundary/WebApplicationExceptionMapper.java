package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the errors JAX-RS raises itself (unknown path, wrong method, unsupported media type, unreadable
 * body, a caller without the role) the app's error answer, worded by {@link Problems}: the exception's
 * message and cause come from the JAX-RS runtime and are not for clients. Headers such as {@code Allow} stay.
 */
@Provider
public class WebApplicationExceptionMapper extends ProblemMapper<WebApplicationException> {

    @Override
    ProblemException problemOf(WebApplicationException exception) {
        return Problems.of(exception.getResponse().getStatus());
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        var answer = super.toResponse(exception);
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
