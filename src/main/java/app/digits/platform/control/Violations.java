package app.digits.platform.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Words the constraint violations of a request body as one sentence for the client: each constraint's own
 * message (written in plain words on the request record), after the field it concerns as it is spelt in the
 * JSON ({@code 'digit'}, {@code 'strokes[2]'}). The rest of Bean Validation's path, the Java method and
 * parameter the body was bound to, is never shown.
 */
public final class Violations {

    private Violations() {
    }

    /** The 400 problem these violations make, sentences in a stable order. */
    public static ProblemException problem(Collection<? extends ConstraintViolation<?>> violations) {
        return ProblemException.badRequest(violations.stream().map(Violations::sentence).sorted()
                .collect(Collectors.joining("; ")));
    }

    /** One violation as a sentence: "'digit' must be a whole number 0-9", or the message alone for a whole body. */
    public static String sentence(ConstraintViolation<?> violation) {
        var field = field(violation.getPropertyPath());
        return field.isEmpty() ? violation.getMessage() : "'" + field + "' " + violation.getMessage();
    }

    /** The path within the body: what follows the method and its parameter, or the bean's own path. */
    static String field(Path path) {
        var out = new StringBuilder();
        for (var node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                out.setLength(0);
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN) {
                appendIndex(out, node);
                continue;
            }
            appendIndex(out, node);
            if (node.getName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.toString();
    }

    private static void appendIndex(StringBuilder out, Path.Node node) {
        if (node.isInIterable() && node.getIndex() != null) {
            out.append('[').append(node.getIndex()).append(']');
        }
    }
}
