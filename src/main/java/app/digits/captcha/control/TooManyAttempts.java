package app.digits.captcha.control;

import app.digits.platform.control.ProblemException;
import java.time.Duration;

/**
 * A client, or a session, used its allowance of challenges or answers: a 429 problem that also says when to
 * come back, so the API can send {@code Retry-After} and the page can tell people how long to wait.
 */
public class TooManyAttempts extends ProblemException {

    private final Duration retryAfter;

    public TooManyAttempts(String what, Duration retryAfter) {
        super(429, "Too many requests", "Too many captcha " + what + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
