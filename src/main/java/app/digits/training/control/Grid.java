package app.digits.training.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameter values a grid search tries, axis by axis, written {@code C=5,10;gamma=0.0125,0.025}:
 * every combination is one grid point. The first axis with several values is the "main" one, the x axis of
 * the score plot.
 */
public record Grid(Map<String, List<String>> axes) {

    private static final int MAX_POINTS = 64;

    public Grid {
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /** Parses {@code name=v1,v2;name2=v3}; blank values, repeated names or more than 64 points are refused. */
    public static Grid parse(String spec) {
        var axes = new LinkedHashMap<String, List<String>>();
        for (var axis : spec.split(";")) {
            var parts = axis.split("=", 2);
            var name = parts[0].strip();
            if (parts.length != 2 || name.isEmpty()) {
                throw TrainingException.invalid("Grid axis '" + axis + "' must read name=value1,value2");
            }
            var values = Arrays.stream(parts[1].split(",")).map(String::strip).toList();
            if (values.stream().anyMatch(String::isEmpty) || axes.put(name, values) != null) {
                throw TrainingException.invalid("Grid axis '" + axis + "' has a blank value or a repeated name");
            }
        }
        var grid = new Grid(axes);
        if (grid.size() > MAX_POINTS) {
            throw TrainingException.invalid("A grid of " + grid.size() + " points is too large (at most " + MAX_POINTS + ")");
        }
        return grid;
    }

    public int size() {
        return axes.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
    }

    /** Every combination, the last axis varying fastest. */
    public List<Hyperparameters> points() {
        List<Map<String, String>> points = List.of(Map.of());
        for (var axis : axes.entrySet()) {
            var next = new ArrayList<Map<String, String>>();
            for (var point : points) {
                for (var value : axis.getValue()) {
                    var extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points.stream().map(Hyperparameters::new).toList();
    }

    /** The axis plotted on x: the first one that varies, or the first one when none does. */
    public String mainAxis() {
        return axes.entrySet().stream().filter(axis -> axis.getValue().size() > 1).map(Map.Entry::getKey).findFirst()
                .orElse(axes.keySet().iterator().next());
    }

    @Override
    public String toString() {
        var text = new StringBuilder();
        axes.forEach((name, values) -> text.append(text.isEmpty() ? "" : ";").append(name).append('=').append(String.join(",", values)));
        return text.toString();
    }
}
