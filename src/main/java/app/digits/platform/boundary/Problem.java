package app.digits.platform.boundary;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details body. Every error the API answers has this shape and the
 * {@code application/problem+json} media type, so clients parse one format and never see a stack trace.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance))
                .build();
    }
}
