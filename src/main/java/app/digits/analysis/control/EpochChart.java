package app.digits.analysis.control;

import app.digits.registry.entity.Epoch;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Draws a network's learning curves as an inline SVG figure, in the style of the grid-search plot: the mean
 * training loss per epoch (left axis) and the held-out accuracy per epoch (right axis), so a reader sees
 * whether more epochs would still help or the network started to overfit. The words come from the caller, in
 * the page's language; all text is escaped, and the page gives the same figures as a table beside it.
 */
public final class EpochChart {

    /** The chart's words and number format, in the reader's language, and its layout. */
    public record Labels(String title, String epoch, String loss, String accuracy, Locale locale, ChartWidth width) {
    }

    private static final int HEIGHT = 300;
    /** Room for the tick labels left (loss) and right (accuracy) of the plot, less on a phone. */
    private static final int WIDE_MARGIN = 64;
    private static final int NARROW_MARGIN = 48;
    private static final int TOP = 36;
    private static final int LEGEND_LINE = 18;
    private static final int BOTTOM = 48;
    private static final String LOSS = "#dc2626";
    private static final String ACCURACY = "#2563eb";

    private EpochChart() {
    }

    /** The SVG of {@code epochs}, or an empty string when there are none. */
    public static String svg(List<Epoch> epochs, Labels labels) {
        if (epochs == null || epochs.isEmpty()) {
            return "";
        }
        double maxLoss = 4 * niceStep(epochs.stream().mapToDouble(Epoch::trainingLoss).max().orElse(1));
        // The accuracy axis: four round steps (1, 2.5, 5... %) from a multiple of the step below the curve.
        double minAccuracy = epochs.stream().mapToDouble(Epoch::validationAccuracy).min().orElse(0);
        double maxAccuracy = epochs.stream().mapToDouble(Epoch::validationAccuracy).max().orElse(1);
        double accuracyStep = Math.max(0.01, niceStep(maxAccuracy - minAccuracy));
        double lowAccuracy = Math.floor(minAccuracy / accuracyStep) * accuracyStep;
        while (lowAccuracy + 4 * accuracyStep < maxAccuracy) {
            accuracyStep = niceStep(accuracyStep * 1.01);
            lowAccuracy = Math.floor(minAccuracy / accuracyStep) * accuracyStep;
        }
        double highAccuracy = lowAccuracy + 4 * accuracyStep;
        var width = labels.width();
        int margin = width == ChartWidth.NARROW ? NARROW_MARGIN : WIDE_MARGIN;
        int right = width.units - margin;
        var svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" class=\"plot\" font-family=\"system-ui, -apple-system, Segoe UI, Roboto, sans-serif\" role=\"img\" aria-label=\"%s\">",
                width.units, HEIGHT + (width == ChartWidth.NARROW ? 2 * LEGEND_LINE : 0), BarChart.escape(labels.title())));
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#94a3b8\"/>", margin, bottom, right, bottom));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + (bottom - TOP) * (1 - i / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>", margin, y, right, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"%s\">%s</text>",
                    margin - 6, y + 4, LOSS, String.format(labels.locale(), "%.3f", maxLoss * i / 4)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">%s %%</text>",
                    right + 6, y + 4, ACCURACY, String.format(labels.locale(), "%.1f", 100 * (lowAccuracy + (highAccuracy - lowAccuracy) * i / 4))));
        }
        int labelled = width == ChartWidth.NARROW ? 6 : 10;
        int step = Math.max(1, (epochs.size() + labelled - 1) / labelled);
        for (int i = 0; i < epochs.size(); i += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#334155\">%d</text>",
                    x(margin, right, i, epochs.size()), bottom + 18, epochs.get(i).epoch()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#0f172a\">%s</text>",
                (margin + right) / 2, HEIGHT - 10, BarChart.escape(labels.epoch())));
        double low = lowAccuracy;
        double high = highAccuracy;
        line(svg, margin, right, epochs, e -> e.trainingLoss() / maxLoss, LOSS, labels.loss(), e -> String.format(labels.locale(), "%.4f", e.trainingLoss()));
        line(svg, margin, right, epochs, e -> (e.validationAccuracy() - low) / (high - low), ACCURACY, labels.accuracy(),
                e -> String.format(labels.locale(), "%.2f %%", 100 * e.validationAccuracy()));
        if (width == ChartWidth.NARROW) {
            // Their words are long: one line each under the x title.
            legend(svg, labels.loss(), 8, HEIGHT + 8, LOSS);
            legend(svg, labels.accuracy(), 8, HEIGHT + 8 + LEGEND_LINE, ACCURACY);
        } else {
            legend(svg, labels.loss(), margin, 18, LOSS);
            legend(svg, labels.accuracy(), (margin + right) / 2, 18, ACCURACY);
        }
        return svg.append("</svg>").toString();
    }

    /** One curve, {@code share} placing each epoch between the bottom (0) and the top (1) of the plot. */
    private static void line(StringBuilder svg, int left, int right, List<Epoch> epochs, ToDoubleFunction<Epoch> share, String colour, String name,
                             Function<Epoch, String> value) {
        var points = new StringBuilder();
        for (int i = 0; i < epochs.size(); i++) {
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x(left, right, i, epochs.size()), y(share.applyAsDouble(epochs.get(i)))));
        }
        svg.append(String.format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", points, colour));
        for (int i = 0; i < epochs.size(); i++) {
            var epoch = epochs.get(i);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s %d: %s</title></circle>",
                    x(left, right, i, epochs.size()), y(share.applyAsDouble(epoch)), colour, BarChart.escape(name), epoch.epoch(), value.apply(epoch)));
        }
    }

    private static void legend(StringBuilder svg, String label, int x, int y, String colour) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>", x, y - 6, colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#334155\">%s</text>", x + 20, y,
                BarChart.escape(label)));
    }

    /** The smallest of 1, 2, 2.5 and 5 times a power of ten whose four steps reach {@code span}. */
    static double niceStep(double span) {
        double rough = Math.max(span, 1e-9) / 4;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= rough - 1e-12) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static double x(int left, int right, int index, int count) {
        double span = right - left - 40;
        return left + 20 + (count == 1 ? span / 2 : span * index / (count - 1));
    }

    private static double y(double share) {
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - Math.clamp(share, 0, 1));
    }
}
