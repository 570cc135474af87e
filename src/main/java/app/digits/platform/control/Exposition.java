package app.digits.platform.control;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One scrape in the Prometheus text format (version 0.0.4), built family by family. It refuses what a
 * Prometheus server would refuse or silently merge: a family declared twice, a sample of an undeclared
 * family, the same series twice, invalid names, a counter whose name does not end in {@code _total}. Label
 * values are escaped; numbers are written so Go's parser reads them ({@code +Inf}, {@code NaN}).
 */
public final class Exposition {

    /** The metric types this application publishes. */
    public enum Type { COUNTER, GAUGE, HISTOGRAM }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Type> families = new LinkedHashMap<>();
    private final Set<String> series = new LinkedHashSet<>();
    private String current;

    /** Starts a family: its {@code # HELP} and {@code # TYPE} lines; its samples must follow at once. */
    public Exposition family(String name, Type type, String help) {
        if (!NAME.matcher(name).matches() || families.containsKey(name)) {
            throw new IllegalArgumentException("Metric family '" + name + "' is invalid or declared twice");
        }
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("Counter '" + name + "' must end in _total");
        }
        families.put(name, type);
        current = name;
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT)).append('\n');
        return this;
    }

    /** A sample of the current family ({@code suffix} is "" or, for histograms, _bucket, _sum or _count). */
    public Exposition sample(String suffix, Map<String, String> labels, double value) {
        if (current == null) {
            throw new IllegalStateException("A sample needs a family first");
        }
        var line = new StringBuilder(current).append(suffix);
        if (!labels.isEmpty()) {
            line.append('{');
            var first = true;
            for (var label : labels.entrySet()) {
                if (!LABEL.matcher(label.getKey()).matches()) {
                    throw new IllegalArgumentException("Invalid label name '" + label.getKey() + "'");
                }
                line.append(first ? "" : ",").append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
                first = false;
            }
            line.append('}');
        }
        if (!series.add(line.toString())) {
            throw new IllegalArgumentException("Series " + line + " written twice");
        }
        text.append(line).append(' ').append(number(value)).append('\n');
        return this;
    }

    public Exposition sample(Map<String, String> labels, double value) {
        return sample("", labels, value);
    }

    /** A histogram's samples for one label set: cumulative buckets ending with +Inf, then sum and count. */
    public Exposition histogram(Map<String, String> labels, Histogram.Snapshot snapshot) {
        long cumulative = 0;
        for (int i = 0; i < snapshot.bounds().length; i++) {
            cumulative += snapshot.counts()[i];
            sample("_bucket", with(labels, "le", number(snapshot.bounds()[i])), cumulative);
        }
        cumulative += snapshot.counts()[snapshot.bounds().length];
        sample("_bucket", with(labels, "le", "+Inf"), cumulative);
        sample("_sum", labels, snapshot.sum());
        return sample("_count", labels, cumulative);
    }

    public String text() {
        return text.toString();
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var all = new LinkedHashMap<>(labels);
        all.put(name, value);
        return all;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
