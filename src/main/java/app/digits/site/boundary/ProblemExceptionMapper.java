package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the problems raised by control code, resources and controllers into the app's error answer. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Inject
    ErrorResponses errors;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Override
    public Response toResponse(ProblemException problem) {
        return errors.toResponse(problem, request, response);
    }
}
