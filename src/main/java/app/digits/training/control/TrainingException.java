package app.digits.training.control;

/**
 * What training code throws when an order cannot be carried out as given: an invalid plan or hyperparameter,
 * a run that is not there, or one in a state that forbids what was asked. It names the kind of refusal, not an
 * HTTP status, so trainers stay free of web types; the boundary maps it to a 400, 404 or 409 problem.
 */
public class TrainingException extends RuntimeException {

    /** Why the order is refused. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Kind kind;

    private TrainingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static TrainingException invalid(String message) {
        return new TrainingException(Kind.INVALID, message);
    }

    public static TrainingException notFound(String message) {
        return new TrainingException(Kind.NOT_FOUND, message);
    }

    public static TrainingException conflict(String message) {
        return new TrainingException(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }

    /** {@code value} when it lies in [{@code min}, {@code max}]; otherwise an invalid order naming {@code name}. */
    public static int requireBetween(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw invalid(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** {@code value} when it lies in [{@code min}, {@code max}]; otherwise an invalid order naming {@code name}. */
    public static double requireBetween(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw invalid(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
