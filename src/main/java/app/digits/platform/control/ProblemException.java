package app.digits.platform.control;

/**
 * The one exception control code throws when a request cannot be served as asked. It carries the HTTP
 * status and a human-readable detail, so control classes stay free of JAX-RS (and testable without a
 * container) while the boundary turns it into an RFC 9457 problem+json body.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
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
     * The key of the sentence pages show people for this problem ({@code problem.<status>}), in their
     * language; the English detail stays for programs and logs.
     */
    public String messageKey() {
        return switch (status) {
            case 400, 409, 413, 415, 503 -> "problem." + status;
            default -> "problem.other";
        };
    }
}
