package app.digits.platform.boundary;

/**
 * An RFC 9457 problem details body. Every error the API answers has this shape and the
 * {@code application/problem+json} media type, so clients parse one format and never see a stack trace.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
