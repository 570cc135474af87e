package app.digits.analysis.control;

import java.util.function.Function;

/**
 * An inline chart drawn in both layouts, for a page that embeds its SVG: the page's CSS shows the wide one on a
 * desktop and the narrow one on a phone, so the chart's text keeps a readable size on both.
 */
public record Chart(String wide, String narrow) {

    /** The chart {@code draw} makes at each width. */
    public static Chart of(Function<ChartWidth, String> draw) {
        return new Chart(draw.apply(ChartWidth.WIDE), draw.apply(ChartWidth.NARROW));
    }
}
