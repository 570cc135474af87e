package app.digits.captcha.entity;

/**
 * Every way an answer to a challenge can end, with a stable machine-readable reason for API clients and a
 * message key for people.
 */
public enum Outcome {
    PASSED("passed"),
    WRONG_DIGIT("wrong-digit"),
    UNSURE("low-confidence"),
    BLANK("blank"),
    NO_PROOF("no-proof-of-work"),
    WRONG_PROOF("wrong-proof-of-work"),
    NO_TRAJECTORY("no-trajectory"),
    IMPLAUSIBLE_STROKES("implausible-strokes"),
    EXPIRED("expired"),
    REPLAYED("replayed"),
    UNKNOWN("unknown-token"),
    OTHER_SESSION("other-session");

    private final String reason;

    Outcome(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public boolean passed() {
        return this == PASSED;
    }

    /** The key of the message shown to people ({@code captcha.outcome.<reason>}). */
    public String messageKey() {
        return "captcha.outcome." + reason;
    }
}
