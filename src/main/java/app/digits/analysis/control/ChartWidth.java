package app.digits.analysis.control;

import app.digits.platform.control.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How wide a chart is laid out, in SVG units. A chart shrunk to a phone's width shrinks its text with it (11
 * units became 5.7 CSS px at 390 px), so phones get a narrow layout of their own, about as wide as the column
 * it is shown in: its text keeps its size, its title wraps and its legend goes under the title or the plot.
 * Pages choose with a media query ({@code <picture>} for served figures, CSS for inline ones).
 */
public enum ChartWidth {
    WIDE(640), NARROW(320);

    /** The width of the SVG's view box. */
    public final int units;

    ChartWidth(int units) {
        this.units = units;
    }

    boolean narrow() {
        return this == NARROW;
    }

    /** The width named {@code name} ({@code wide} when absent); any other name is a 400. */
    public static ChartWidth named(String name) {
        if (name == null || name.isBlank()) {
            return WIDE;
        }
        return Arrays.stream(values()).filter(w -> w.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("A chart width is wide or narrow, not '" + name + "'"));
    }

    /** {@code text} cut at spaces into lines of at most {@code characters} (a word longer than that stays whole). */
    static List<String> wrap(String text, int characters) {
        var lines = new java.util.ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > characters) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
