package app.digits.platform.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;

/**
 * Parses JSON request bodies that were first read with a size bound, and reports malformed JSON as a 400
 * problem naming what is wrong instead of a generic failure.
 */
public final class JsonBodies {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonBodies() {
    }

    public static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ProblemException.badRequest("The request body is empty");
        }
        try {
            T value = JSONB.fromJson(new String(body, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw ProblemException.badRequest("The request body is JSON null");
            }
            return value;
        } catch (JsonbException e) {
            throw ProblemException.badRequest("Malformed JSON: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
