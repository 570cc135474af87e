package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives a request record that Bean Validation refused (a digit out of 0-9, 783 pixels, a pixel of 256) the
 * app's error answer: a 400 whose detail names each field in the words of the record's constraints
 * ({@link Violations}), as problem+json or the translated page like every other error.
 */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ConstraintViolationException> {

    @Override
    ProblemException problemOf(ConstraintViolationException exception) {
        return Violations.problem(exception.getConstraintViolations());
    }
}
