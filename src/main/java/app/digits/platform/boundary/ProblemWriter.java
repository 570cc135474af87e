package app.digits.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an RFC 9457 problem body from a servlet or filter (where JAX-RS exception mappers do not reach), with
 * the same shape and media type as the API's, and never cached.
 */
public final class ProblemWriter {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.getWriter().write(JSON.toJson(new Problem("about:blank", title, status, detail, null)));
    }
}
