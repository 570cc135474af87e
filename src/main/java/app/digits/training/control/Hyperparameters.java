package app.digits.training.control;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * The settings of one fit, by name and in the order the algorithm declares them ({@code C=10, gamma=0.025}): what a grid point is, what a model's sidecar
 * records as its chosen hyperparameters, and what each trainer reads its numbers from. A missing or
 * malformed number is the administrator's mistake, refused as an invalid order.
 */
public record Hyperparameters(Map<String, String> values) {

    public Hyperparameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Settings from alternating names and values; whole decimals are written without a fraction ("10", not "10.0"). */
    public static Hyperparameters of(Object... namesAndValues) {
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], written(namesAndValues[i + 1]));
        }
        return new Hyperparameters(values);
    }

    private static String written(Object value) {
        return switch (value) {
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> String.valueOf(d.longValue());
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            default -> String.valueOf(value);
        };
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(text(name));
        } catch (NumberFormatException e) {
            throw TrainingException.invalid("Hyperparameter " + name + " must be a whole number, got " + text(name));
        }
    }

    public double decimal(String name) {
        try {
            return Double.parseDouble(text(name));
        } catch (NumberFormatException e) {
            throw TrainingException.invalid("Hyperparameter " + name + " must be a number, got " + text(name));
        }
    }

    /** One of an enum's constants, named in any case ("writing" for {@code WRITING}). */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        var value = text(name);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> TrainingException.invalid("Hyperparameter " + name + " must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got " + value));
    }

    private String text(String name) {
        var value = values.get(name);
        if (value == null) {
            throw TrainingException.invalid("Hyperparameter " + name + " is missing from " + this);
        }
        return value;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
