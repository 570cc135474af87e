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
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 48;

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
    public static String svg(String title, List<String> categories, List<Series> series, String xTitle, DoubleFunction<String> tick) {
        return svg(title, categories, series, xTitle, tick, false, Double.MAX_VALUE);
    }

    /** A chart whose axis may start near the smallest value ({@code zoom}) and stops at {@code ceiling}. */
    public static String svg(String title, List<String> categories, List<Series> series, String xTitle, DoubleFunction<String> tick,
                             boolean zoom, double ceiling) {
        var scale = Scale.of(series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).min().orElse(0),
                series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).max().orElse(1), zoom, ceiling);
        var svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" class=\"chart\" font-family=\"system-ui, -apple-system, Segoe UI, Roboto, sans-serif\" role=\"img\" aria-label=\"%s\">",
                WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"#0f172a\">%s</text>",
                LEFT, escape(title)));
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (double value : scale.ticks()) {
            double y = TOP + plotHeight * (1 - (value - scale.low()) / (scale.high() - scale.low()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>", LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#334155\">%s</text>",
                    LEFT - 6, y + 4, escape(tick.apply(value))));
        }
        double group = (double) (WIDTH - LEFT - RIGHT) / categories.size();
        double bar = group * 0.8 / series.size();
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * group + group * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[c];
                double h = plotHeight * Math.max(0, value - scale.low()) / (scale.high() - scale.low());
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        x0 + s * bar, TOP + plotHeight - h, Math.max(1, bar - 1), h, COLOURS[s % COLOURS.length],
                        escape(series.get(s).name()), escape(categories.get(c)), escape(tick.apply(value))));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#334155\">%s</text>",
                    LEFT + c * group + group / 2, HEIGHT - BOTTOM + 16, escape(categories.get(c))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0f172a\">%s</text>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, escape(xTitle)));
        for (int s = 0; s < series.size() && series.size() > 1; s++) {
            int x = WIDTH - RIGHT - 150 * (series.size() - s);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, COLOURS[s % COLOURS.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"12\" fill=\"#334155\">%s</text>", x + 16,
                    escape(series.get(s).name())));
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
