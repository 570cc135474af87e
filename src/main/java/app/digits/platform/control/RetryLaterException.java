package app.digits.platform.control;

/**
 * A request the server cannot take right now but will soon: the recognizers are all busy, the database does
 * not answer, or no model is served yet. It is a 503 problem that also tells the client when to try again
 * (the {@code Retry-After} header), so a well-behaved client backs off instead of hammering the server.
 */
public class RetryLaterException extends ProblemException {

    private final int retryAfterSeconds;

    public RetryLaterException(String detail, int retryAfterSeconds) {
        super(503, "Service unavailable", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
