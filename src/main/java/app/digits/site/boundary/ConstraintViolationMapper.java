package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Gives a request body that breaks its record's Bean Validation constraints a 400 whose detail lists every
 * broken constraint's message (each only once), sorted, so a client can fix them all in one go.
 */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ConstraintViolationException> {

    @Override
    ProblemException problemOf(ConstraintViolationException invalid) {
        return ProblemException.badRequest(invalid.getConstraintViolations().stream().map(ConstraintViolation::getMessage).distinct().sorted()
                .collect(Collectors.joining("; ")));
    }
}
