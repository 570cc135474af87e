package app.digits.platform.boundary;

import app.digits.platform.control.RetryLaterException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A 503 problem that says when to come back: the {@code Retry-After} header, in seconds. */
@Provider
public class RetryLaterExceptionMapper implements ExceptionMapper<RetryLaterException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RetryLaterException problem) {
        return retryLater(problem.detail(), problem.retryAfterSeconds(), "/" + uriInfo.getPath());
    }

    static Response retryLater(String detail, int retryAfterSeconds, String instance) {
        return Response.fromResponse(Problem.response(503, "Service unavailable", detail, instance))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
