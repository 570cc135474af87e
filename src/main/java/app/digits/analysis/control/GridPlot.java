package app.digits.analysis.control;

import app.digits.registry.entity.GridPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Draws a grid search as an inline SVG figure: cross-validated accuracy (mean, with a bar of one standard
 * deviation each way) against the main hyperparameter, one coloured line per combination of the other
 * hyperparameters, with a legend (beside the plot, or under it when laid out narrow for a phone). The words and
 * numbers are in the reader's language; hyperparameter names and values stay as the trainers spell them.
 * Server-side and dependency-free, so the page shows it at once and it scales with the page. All text is escaped.
 */
public final class GridPlot {

    /** The plot's words (its title names the axis), the reader's language for numbers, and its layout. */
    public record Labels(String title, String crossValidation, Locale locale, ChartWidth width) {
    }

    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int LEGEND_LINE = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 52;
    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#ca8a04"};

    private GridPlot() {
    }

    /** The SVG of {@code points} against {@code axis}, or an empty string when there is nothing to plot. */
    public static String svg(List<GridPoint> points, String axis, Labels labels) {
        if (points == null || points.isEmpty() || axis == null) {
            return "";
        }
        var xs = points.stream().map(p -> p.parameters().get(axis)).distinct().sorted(GridPlot::compareValues).toList();
        var series = new LinkedHashMap<String, List<GridPoint>>();
        for (var point : points) {
            series.computeIfAbsent(others(point, axis), key -> new ArrayList<>()).add(point);
        }
        double low = points.stream().mapToDouble(p -> p.meanAccuracy() - p.stdAccuracy()).min().orElse(0);
        double high = points.stream().mapToDouble(p -> p.meanAccuracy() + p.stdAccuracy()).max().orElse(1);
        double pad = Math.max(0.002, (high - low) * 0.1);
        low = Math.max(0, low - pad);
        high = Math.min(1, high + pad);
        var frame = Frame.of(labels.width(), series.size());
        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" class=\"plot\" font-family=\"system-ui, -apple-system, Segoe UI, Roboto, sans-serif\" role=\"img\" aria-label=\"%s\">",
                frame.width(), frame.height(), BarChart.escape(labels.title())));
        axes(svg, frame, xs, axis, low, high, labels.locale());
        int colour = 0;
        for (var entry : series.entrySet()) {
            line(svg, frame, entry.getValue(), xs, axis, low, high, COLOURS[colour % COLOURS.length], labels.locale());
            legend(svg, frame, entry.getKey().isEmpty() ? labels.crossValidation() : entry.getKey(), colour, COLOURS[colour % COLOURS.length]);
            colour++;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Where things go: the plot spans {@code left..right} and {@code TOP..bottom}; the legend's first line is at
     * {@code (legendX, legendY)}. Wide, the legend is a column right of the plot; narrow, lines under the x title.
     */
    private record Frame(int width, int height, int right, int bottom, int legendX, int legendY) {

        static Frame of(ChartWidth width, int series) {
            if (width == ChartWidth.NARROW) {
                int bottom = HEIGHT - BOTTOM;
                return new Frame(width.units, HEIGHT + series * LEGEND_LINE, width.units - 12, bottom, 12, HEIGHT + 8);
            }
            return new Frame(width.units, HEIGHT, width.units - 170, HEIGHT - BOTTOM, width.units - 170 + 16, TOP + 8);
        }
    }

    private static void axes(StringBuilder svg, Frame frame, List<String> xs, String axis, double low, double high, Locale locale) {
        int bottom = frame.bottom();
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#94a3b8\"/>", LEFT, bottom, frame.right(), bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#94a3b8\"/>", LEFT, TOP, LEFT, bottom));
        for (int i = 0; i <= 4; i++) {
            double value = low + (high - low) * i / 4;
            double y = y(value, low, high);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>", LEFT, y, frame.right(), y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"#334155\">%s %%</text>",
                    LEFT - 6, y + 4, String.format(locale, "%.1f", 100 * value)));
        }
        for (int i = 0; i < xs.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#334155\">%s</text>",
                    x(frame, i, xs.size()), bottom + 18, BarChart.escape(xs.get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#0f172a\">%s</text>",
                (LEFT + frame.right()) / 2, HEIGHT - 10, BarChart.escape(axis)));
    }

    private static void line(StringBuilder svg, Frame frame, List<GridPoint> points, List<String> xs, String axis, double low, double high,
                             String colour, Locale locale) {
        var sorted = points.stream().sorted(Comparator.comparingInt(p -> xs.indexOf(p.parameters().get(axis)))).toList();
        var path = sorted.stream().map(p -> String.format(Locale.ROOT, "%.1f,%.1f", x(frame, xs.indexOf(p.parameters().get(axis)), xs.size()),
                y(p.meanAccuracy(), low, high))).collect(Collectors.joining(" "));
        svg.append(String.format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path, colour));
        for (var p : sorted) {
            double x = x(frame, xs.indexOf(p.parameters().get(axis)), xs.size());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x,
                    y(p.meanAccuracy() - p.stdAccuracy(), low, high), x, y(p.meanAccuracy() + p.stdAccuracy(), low, high), colour));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s</title></circle>",
                    x, y(p.meanAccuracy(), low, high), colour, BarChart.escape(p.parameters().toString()),
                    String.format(locale, "%.2f %% ± %.2f", 100 * p.meanAccuracy(), 100 * p.stdAccuracy())));
        }
    }

    private static void legend(StringBuilder svg, Frame frame, String label, int index, String colour) {
        int y = frame.legendY() + index * LEGEND_LINE;
        int x = frame.legendX();
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>", x, y - 4, colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#334155\">%s</text>", x + 20, y, BarChart.escape(label)));
    }

    private static String others(GridPoint point, String axis) {
        var rest = new TreeMap<>(point.parameters());
        rest.remove(axis);
        return rest.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static double x(Frame frame, int index, int count) {
        double span = frame.right() - LEFT - 40;
        return LEFT + 20 + (count == 1 ? span / 2 : span * index / (count - 1));
    }

    private static double y(double value, double low, double high) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low));
    }

    private static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
