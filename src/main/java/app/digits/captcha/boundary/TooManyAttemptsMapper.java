package app.digits.captcha.boundary;

import app.digits.captcha.control.TooManyAttempts;
import app.digits.platform.boundary.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a used-up captcha allowance with 429 problem+json and {@code Retry-After} in seconds. */
@Provider
public class TooManyAttemptsMapper implements ExceptionMapper<TooManyAttempts> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(TooManyAttempts problem) {
        return Response.fromResponse(Problem.response(problem.status(), problem.title(), problem.detail(), "/" + uriInfo.getPath()))
                .header("Retry-After", problem.retryAfterSeconds())
                .build();
    }
}
