package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.ws.rs.ext.Provider;

/** Turns the problems raised by control code, resources and controllers into the app's error answer. */
@Provider
public class ProblemExceptionMapper extends ProblemMapper<ProblemException> {

    @Override
    ProblemException problemOf(ProblemException problem) {
        return problem;
    }
}
