package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Gives a request body that breaks its record's Bean Validation constraints a 400 whose detail lists every
 * broken constraint's message, sorted, so a client fixes them all at once.
 */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ConstraintViolationException> {

    @Override
    ProblemException problemOf(ConstraintViolationException invalid) {
        return ProblemException.badRequest(invalid.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted()
                .collect(Collectors.joining("; ")));
    }
}
