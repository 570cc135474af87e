package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import app.digits.registry.entity.ModelDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The comparison table of registered models: each with whether it is served, whether it is the best (by test
 * accuracy), and McNemar's test of its test-set answers against the best model's (is the gap significant, or
 * could it be chance?), sorted by the column a person clicked.
 */
public final class ModelComparison {

    /** One line of the table. */
    public record Row(ModelDescriptor model, boolean served, boolean best, Optional<McNemar.Result> againstBest) {
    }

    private static final Map<String, Comparator<ModelDescriptor>> COLUMNS = Map.of(
            "accuracy", Comparator.comparingDouble(d -> d.test().accuracy()),
            "f1", Comparator.comparingDouble(d -> d.test().macroF1()),
            "training", Comparator.comparingDouble(d -> d.training().seconds()),
            "latency", Comparator.comparingDouble(d -> d.test().medianLatencyMicros()),
            "size", Comparator.comparingLong(d -> d.file().bytes()),
            "trained", Comparator.comparing(d -> d.training().trainedAt()),
            "model", Comparator.comparing((ModelDescriptor d) -> d.algorithm().toLowerCase(Locale.ROOT)).thenComparing(ModelDescriptor::library));

    private ModelComparison() {
    }

    /** The table sorted by {@code column} (one of {@link #columns()}), best accuracy first by default. */
    public static List<Row> of(List<ModelDescriptor> models, String servedId, String column, boolean descending) {
        var order = Optional.ofNullable(COLUMNS.get(column == null ? "accuracy" : column))
                .orElseThrow(() -> ProblemException.badRequest("Cannot sort by '" + column + "': use one of " + columns()));
        var best = models.stream().filter(m -> m.test().confusion() != null).max(Comparator.comparingDouble(d -> d.test().accuracy()));
        Function<ModelDescriptor, Row> row = model -> new Row(model, model.id().equals(servedId),
                best.map(b -> b.id().equals(model.id())).orElse(false),
                best.filter(b -> !b.id().equals(model.id())).flatMap(b -> compare(model, b)));
        return models.stream().sorted(descending ? order.reversed() : order).map(row).toList();
    }

    public static List<String> columns() {
        return COLUMNS.keySet().stream().sorted().toList();
    }

    /** McNemar's test of two models scored on the same test images, when both kept which ones they got right. */
    public static Optional<McNemar.Result> compare(ModelDescriptor model, ModelDescriptor other) {
        if (model.test().correct() == null || other.test().correct() == null || model.test().images() != other.test().images()) {
            return Optional.empty();
        }
        return Optional.of(McNemar.test(Evaluation.rightFromBase64(model.test().correct(), model.test().images()),
                Evaluation.rightFromBase64(other.test().correct(), other.test().images())));
    }
}
