package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.training.control.TrainingException;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives a refused training order the app's error answer: an invalid plan or hyperparameter is a 400, an
 * unknown run a 404, a run in the wrong state (or none going) a 409. Training code only names the kind.
 */
@Provider
public class TrainingExceptionMapper extends ProblemMapper<TrainingException> {

    @Override
    ProblemException problemOf(TrainingException refused) {
        return of(refused);
    }

    /** The problem a refused order is, for the pages that show it in place rather than as an error answer. */
    public static ProblemException of(TrainingException refused) {
        return switch (refused.kind()) {
            case INVALID -> ProblemException.badRequest(refused.getMessage());
            case NOT_FOUND -> ProblemException.notFound(refused.getMessage());
            case CONFLICT -> new ProblemException(409, "Conflict", refused.getMessage());
        };
    }
}
