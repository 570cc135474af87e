package app.digits.platform.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (0.0.4), written for the tests so that what {@code /metrics}
 * serves is checked by something other than the code that wrote it. It throws on anything a Prometheus
 * server rejects or would misread: a second HELP or TYPE for a family, TYPE after its samples, a family split
 * in two, a series repeated, invalid names, label syntax or values, histogram buckets that are not cumulative
 * or lack +Inf, a +Inf bucket that disagrees with _count, counters not ending in _total, and time or size
 * in units other than the base units (seconds, bytes).
 */
public final class PrometheusText {

    /** One sample: its metric name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** A family: its name, type, help and samples. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern NON_BASE_UNITS = Pattern.compile(
            "_(milli|micro|nano)seconds|_(kilo|mega|giga)bytes|_(ms|ns|us)(_|$)|_minutes|_hours");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PrometheusText() {
    }

    public static Map<String, Family> parse(String text) {
        var families = new LinkedHashMap<String, Family>();
        var types = new HashMap<String, String>();
        var helps = new HashMap<String, String>();
        var closed = new HashSet<String>();
        var series = new HashSet<String>();
        String open = null;
        int number = 0;
        for (var line : text.split("\n", -1)) {
            number++;
            var where = "line " + number + " (" + line + "): ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                var parts = line.substring(7).split(" ", 2);
                var name = parts[0];
                check(NAME.matcher(name).matches(), where + "invalid metric name");
                check(!closed.contains(name) || name.equals(open), where + "family " + name + " was already closed");
                check(!families.containsKey(name) || families.get(name).samples().isEmpty(), where + "metadata after samples");
                if (line.startsWith("# HELP ")) {
                    check(helps.put(name, parts.length > 1 ? parts[1] : "") == null, where + "second HELP for " + name);
                } else {
                    check(parts.length == 2 && TYPES.contains(parts[1]), where + "unknown type");
                    check(types.put(name, parts[1]) == null, where + "second TYPE for " + name);
                }
                if (open != null && !open.equals(name)) {
                    closed.add(open);
                }
                open = name;
                families.computeIfAbsent(name, n -> new Family(n, null, null, new ArrayList<>()));
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            var sample = sample(line, where);
            var family = familyOf(sample.name(), types);
            check(!closed.contains(family) || family.equals(open), where + "samples of " + family + " are not together");
            if (open != null && !open.equals(family)) {
                closed.add(open);
            }
            open = family;
            check(series.add(sample.name() + new TreeMap<>(sample.labels())), where + "series repeated");
            families.computeIfAbsent(family, n -> new Family(n, null, null, new ArrayList<>())).samples().add(sample);
        }
        var result = new LinkedHashMap<String, Family>();
        families.forEach((name, family) -> {
            var type = types.getOrDefault(name, "untyped");
            check(!NON_BASE_UNITS.matcher(name).find(), name + " is not in base units (seconds, bytes)");
            check(!type.equals("counter") || name.endsWith("_total"), "counter " + name + " does not end in _total");
            if (type.equals("histogram")) {
                checkHistogram(name, family.samples());
            }
            result.put(name, new Family(name, type, helps.get(name), family.samples()));
        });
        return result;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        var name = line.substring(0, i);
        check(NAME.matcher(name).matches(), where + "invalid metric name");
        var labels = new LinkedHashMap<String, String>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                check(eq > 0, where + "label without '='");
                var label = line.substring(i, eq);
                check(LABEL_NAME.matcher(label).matches() && !label.startsWith("__"), where + "invalid label name " + label);
                check(eq + 1 < line.length() && line.charAt(eq + 1) == '"', where + "label value not quoted");
                var value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        check(next == '\\' || next == '"' || next == 'n', where + "bad escape");
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                check(j < line.length(), where + "unterminated label value");
                check(labels.put(label, value.toString()) == null, where + "label " + label + " twice");
                i = j + 1;
                check(i < line.length(), where + "unterminated labels");
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        check(i < line.length() && line.charAt(i) == ' ', where + "no space before the value");
        var rest = line.substring(i + 1).split(" ");
        check(rest.length == 1 || rest.length == 2, where + "value and at most a timestamp expected");
        return new Sample(name, labels, value(rest[0], where));
    }

    private static double value(String text, String where) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                check(text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"), where + "invalid value " + text);
                yield Double.parseDouble(text);
            }
        };
    }

    private static String familyOf(String sample, Map<String, String> types) {
        for (var suffix : List.of("_bucket", "_sum", "_count")) {
            if (sample.endsWith(suffix)) {
                var base = sample.substring(0, sample.length() - suffix.length());
                var type = types.get(base);
                if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
                    return base;
                }
            }
        }
        return sample;
    }

    private static void checkHistogram(String name, List<Sample> samples) {
        var byLabels = new LinkedHashMap<Map<String, String>, List<Sample>>();
        for (var sample : samples) {
            var labels = new TreeMap<>(sample.labels());
            labels.remove("le");
            byLabels.computeIfAbsent(labels, l -> new ArrayList<>()).add(sample);
        }
        byLabels.forEach((labels, group) -> {
            double previousLe = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            Double infinity = null;
            Double count = null;
            boolean sum = false;
            for (var sample : group) {
                if (sample.name().equals(name + "_bucket")) {
                    var le = sample.labels().get("le");
                    check(le != null, name + labels + ": bucket without le");
                    double bound = value(le, name + labels + ": ");
                    check(bound > previousLe, name + labels + ": bucket bounds not increasing at le=" + le);
                    check(sample.value() >= previousCount, name + labels + ": buckets not cumulative at le=" + le);
                    previousLe = bound;
                    previousCount = sample.value();
                    if (Double.isInfinite(bound)) {
                        infinity = sample.value();
                    }
                } else if (sample.name().equals(name + "_count")) {
                    count = sample.value();
                } else if (sample.name().equals(name + "_sum")) {
                    sum = true;
                } else {
                    throw new IllegalArgumentException(name + ": unexpected sample " + sample.name() + " in a histogram");
                }
            }
            check(infinity != null, name + labels + ": no +Inf bucket");
            check(count != null && sum, name + labels + ": _sum or _count missing");
            check(infinity.equals(count), name + labels + ": +Inf bucket " + infinity + " differs from _count " + count);
        });
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
