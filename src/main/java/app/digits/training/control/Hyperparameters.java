package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings of one fit, by name ({@code C=10, gamma=0.025}): what a grid point is, what a model's sidecar
 * records as its chosen hyperparameters, and what each trainer reads its numbers from. A missing or
 * malformed number is the administrator's mistake, reported as a 400.
 */
public record Hyperparameters(Map<String, String> values) {

    public Hyperparameters {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(text(name));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Hyperparameter " + name + " must be a whole number, got " + text(name));
        }
    }

    public double decimal(String name) {
        try {
            return Double.parseDouble(text(name));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Hyperparameter " + name + " must be a number, got " + text(name));
        }
    }

    /** One of an enum's constants, named in any case ("writing" for {@code WRITING}). */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        var value = text(name);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("Hyperparameter " + name + " must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got " + value));
    }

    private String text(String name) {
        var value = values.get(name);
        if (value == null) {
            throw ProblemException.badRequest("Hyperparameter " + name + " is missing from " + this);
        }
        return value;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
