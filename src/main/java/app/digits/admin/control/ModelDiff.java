package app.digits.admin.control;

import app.digits.registry.entity.ModelDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two models side by side, line by line, for the question "what changed between these two runs, and what did
 * it do?": what they are, every hyperparameter either was fitted with (a missing one shows as a dash), how
 * they were trained (images, people's drawings, epochs, grid points, seconds, run) and how they scored.
 * Each line says whether the two differ, so the page can put the differences first and mark them.
 */
public record ModelDiff(ModelDescriptor a, ModelDescriptor b, List<Line> lines) {

    private static final String NONE = "—";

    /**
     * One compared line: a message key for the fixed ones, or, for a hyperparameter, its name (and no key);
     * the two values as shown; whether they differ.
     */
    public record Line(String key, String name, String first, String second, boolean differs) {

        static Line of(String key, String name, String first, String second) {
            return new Line(key, name, first, second, !first.equals(second));
        }
    }

    public static ModelDiff of(ModelDescriptor a, ModelDescriptor b) {
        var lines = new ArrayList<Line>();
        lines.add(Line.of("diff.algorithm", null, a.algorithm() + " (" + a.library() + ")", b.algorithm() + " (" + b.library() + ")"));
        var names = new LinkedHashSet<>(a.training().hyperparameters().keySet());
        names.addAll(b.training().hyperparameters().keySet());
        for (var name : names) {
            lines.add(Line.of(null, name, valueOf(a.training().hyperparameters(), name), valueOf(b.training().hyperparameters(), name)));
        }
        lines.add(Line.of("diff.images", null, String.valueOf(a.training().images()), String.valueOf(b.training().images())));
        lines.add(Line.of("diff.drawings", null, String.valueOf(a.training().peoplesDrawings()),
                String.valueOf(b.training().peoplesDrawings())));
        lines.add(Line.of("diff.skipped-numbers", null, String.valueOf(a.training().skippedNumberCorrections()),
                String.valueOf(b.training().skippedNumberCorrections())));
        lines.add(Line.of("diff.epochs", null, String.valueOf(a.training().epochs().size()), String.valueOf(b.training().epochs().size())));
        lines.add(Line.of("diff.grid", null, String.valueOf(a.training().gridSearch().size()),
                String.valueOf(b.training().gridSearch().size())));
        lines.add(Line.of("diff.run", null, String.valueOf(a.training().runId()), String.valueOf(b.training().runId())));
        lines.add(Line.of("diff.accuracy", null, percent(a.test().accuracy()), percent(b.test().accuracy())));
        lines.add(Line.of("diff.f1", null, decimal(a.test().macroF1(), 4), decimal(b.test().macroF1(), 4)));
        lines.add(Line.of("diff.seconds", null, decimal(a.training().seconds(), 0) + " s", decimal(b.training().seconds(), 0) + " s"));
        lines.add(Line.of("diff.latency", null, decimal(a.test().medianLatencyMicros(), 0) + " µs",
                decimal(b.test().medianLatencyMicros(), 0) + " µs"));
        lines.add(Line.of("diff.size", null, kib(a), kib(b)));
        return new ModelDiff(a, b, List.copyOf(lines));
    }

    /** How many lines differ. */
    public long differences() {
        return lines.stream().filter(Line::differs).count();
    }

    private static String valueOf(Map<String, String> hyperparameters, String name) {
        return hyperparameters.getOrDefault(name, NONE);
    }

    private static String percent(double share) {
        return decimal(100 * share, 2) + " %";
    }

    private static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private static String kib(ModelDescriptor model) {
        return model.file() == null ? NONE : (model.file().bytes() + 1023) / 1024 + " KiB";
    }
}
