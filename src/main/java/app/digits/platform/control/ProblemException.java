package app.digits.platform.control;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception control code throws when a request cannot be served as asked. It carries the HTTP
 * status and a human-readable detail, so control classes stay free of JAX-RS (and testable without a
 * container) while the boundary turns it into an RFC 9457 problem+json body.
 */
public class ProblemException extends RuntimeException {

    /** The key of the sentence for a problem that has none of its own: "the request did not succeed". */
    public static final String GENERAL_SENTENCE = "problem.other";

    private final int status;
    private final String title;
    private final Duration retryAfter;
    private final String messageKey;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    private ProblemException(int status, String title, String detail, Duration retryAfter, String messageKey) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfter = retryAfter;
        this.messageKey = messageKey;
    }

    /**
     * A bad request whose reason people should read on the page, in their language ({@code messageKey}), rather
     * than the general sentence for a 400.
     */
    public static ProblemException badRequest(String detail, String messageKey) {
        return new ProblemException(400, "Bad request", detail, null, messageKey);
    }

    /** The client asked too often: it may try again after {@code retryAfter} (a {@code Retry-After} header). */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, "Too many requests", detail, retryAfter, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "Unsupported media type", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail);
    }

    /**
     * The server cannot take the request now but will soon (recognizers busy, database away, no model yet):
     * a 503 that says when to come back, so a well-behaved client backs off instead of hammering.
     */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, "Service unavailable", detail, retryAfter, null);
    }

    /** When the client may try again, for the {@code Retry-After} header; empty when it says nothing. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whole seconds to wait, rounded up, at least one: what {@code Retry-After} says. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /**
     * The key of the sentence pages show people for this problem (its own, else {@code problem.<status>}), in
     * their language; the English detail stays for programs and logs.
     */
    public String messageKey() {
        if (messageKey != null) {
            return messageKey;
        }
        return switch (status) {
            case 400, 409, 413, 415, 429, 503 -> "problem." + status;
            default -> GENERAL_SENTENCE;
        };
    }
}
