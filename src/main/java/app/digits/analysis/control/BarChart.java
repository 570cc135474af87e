package app.digits.analysis.control;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A grouped bar chart as inline SVG (class balance, intensity distribution, ink per digit, per-digit recall):
 * one group per category, one coloured bar per series, a y axis of round ticks (steps of 1, 2 or 5 times a
 * power of ten) formatted by the caller, and a legend. The axis starts at zero, or, for values that all sit
 * close together (recall of 95 to 99 %), just below the smallest so that their differences show. It never
 * goes past {@code ceiling} (100 % for shares). Dependency-free and escaped, so pages, slides and the report
 * embed it as is.
 */
public final class BarChart {

    /** One series of values, one per category. */
    public record Series(String name, double[] values) {
    }

    private static final String[] COLOURS = {"#2563eb", "#f59e0b", "#16a34a", "#dc2626"};
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int BOTTOM = 48;
    /** The narrow layout's title: lines of at most this many characters, this far apart. */
    private static final int TITLE_CHARACTERS = 36;
    private static final int LINE = 17;

    /** The y axis: from {@code low} to {@code high} in steps of {@code step}. */
    record Scale(double low, double high, double step) {

        private static final double[] STEPS = {1, 2, 5, 10};

        /** Round ticks covering {@code min..max} from zero, or zoomed in when {@code zoom}, never past {@code ceiling}. */
        static Scale of(double min, double max, boolean zoom, double ceiling) {
            double from = zoom ? Math.max(0, min - (max - min) / 2) : 0;
            double top = max <= from ? from + 1 : max;
            double raw = (top - from) / 4;
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = power * 10;
            for (double factor : STEPS) {
                if (factor * power >= raw - 1e-12) {
                    step = factor * power;
                    break;
                }
            }
            double low = Math.floor(from / step + 1e-9) * step;
            double high = Math.min(Math.max(ceiling, max), Math.ceil(top / step - 1e-9) * step);
            return new Scale(low, high, step);
        }

        List<Double> ticks() {
            return java.util.stream.IntStream.rangeClosed(0, (int) Math.round((high - low) / step))
                    .mapToObj(i -> Math.min(high, low + i * step)).toList();
        }
    }

    private BarChart() {
    }

    /** A chart whose axis starts at zero, with no ceiling. */
    public static String svg(String title, List<String> categories, List<Series> series, String xTitle, DoubleFunction<String> tick,
                             ChartWidth width) {
        return svg(title, categories, series, xTitle, tick, false, Double.MAX_VALUE, width);
    }

    /**
     * A chart whose axis may start near the smallest value ({@code zoom}) and stops at {@code ceiling}. Laid out
     * {@link ChartWidth#NARROW narrow}, the title wraps, the legend takes a line under it, the axis is closer to
     * the edge and crowded category labels show every other one.
     */
    public static String svg(String title, List<String> categories, List<Series> series, String xTitle, DoubleFunction<String> tick,
                             boolean zoom, double ceiling, ChartWidth width) {
        var scale = Scale.of(series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).min().orElse(0),
                series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).max().orElse(1), zoom, ceiling);
        int right = width.units - RIGHT;
        int left = width.narrow() ? 48 : LEFT;
        var titleLines = width.narrow() ? ChartWidth.wrap(title, TITLE_CHARACTERS) : List.of(title);
        boolean legend = series.size() > 1;
        int legendY = 20 + LINE * titleLines.size() - 4;
        int top = width.narrow() ? legendY + (legend ? LINE : 0) : 34;
        int height = HEIGHT + top - 34;
        var svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" class=\"chart\" font-family=\"system-ui, -apple-system, Segoe UI, Roboto, sans-serif\" role=\"img\" aria-label=\"%s\">",
                width.units, height, escape(title)));
        for (int line = 0; line < titleLines.size(); line++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"600\" fill=\"#0f172a\">%s</text>",
                    width.narrow() ? 8 : left, 20 + LINE * line, escape(titleLines.get(line))));
        }
        int plotHeight = height - top - BOTTOM;
        for (double value : scale.ticks()) {
            double y = top + plotHeight * (1 - (value - scale.low()) / (scale.high() - scale.low()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>", left, y, right, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#334155\">%s</text>",
                    left - 6, y + 4, escape(tick.apply(value))));
        }
        double group = (double) (right - left) / categories.size();
        double bar = group * 0.8 / series.size();
        // Every other category label when they would touch (sixteen grey levels on a phone).
        int labelEvery = group < 24 ? 2 : 1;
        for (int c = 0; c < categories.size(); c++) {
            double x0 = left + c * group + group * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[c];
                double h = plotHeight * Math.max(0, value - scale.low()) / (scale.high() - scale.low());
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        x0 + s * bar, top + plotHeight - h, Math.max(1, bar - 1), h, COLOURS[s % COLOURS.length],
                        escape(series.get(s).name()), escape(categories.get(c)), escape(tick.apply(value))));
            }
            if (c % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#334155\">%s</text>",
                        left + c * group + group / 2, height - BOTTOM + 16, escape(categories.get(c))));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0f172a\">%s</text>",
                (left + right) / 2, height - 8, escape(xTitle)));
        for (int s = 0; s < series.size() && legend; s++) {
            int x = width.narrow() ? 8 + 150 * s : right - 150 * (series.size() - s);
            int y = width.narrow() ? legendY : 20;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y - 10, COLOURS[s % COLOURS.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#334155\">%s</text>", x + 16, y,
                    escape(series.get(s).name())));
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
