package app.digits.analysis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.GridPoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GridPlotTest {

    private static final List<GridPoint> SVM = List.of(
            new GridPoint(Map.of("C", "5", "gamma", "0.0125"), 0.95, 0.01, 3),
            new GridPoint(Map.of("C", "5", "gamma", "0.025"), 0.96, 0.01, 3),
            new GridPoint(Map.of("C", "10", "gamma", "0.0125"), 0.955, 0.005, 3),
            new GridPoint(Map.of("C", "10", "gamma", "0.025"), 0.97, 0.002, 3));

    private static final GridPlot.Labels ENGLISH = new GridPlot.Labels("Cross-validated accuracy against gamma", "cross-validation",
            Locale.ENGLISH, ChartWidth.WIDE);

    @Test
    void oneLinePerCombinationOfTheOtherAxesWithAPointAndErrorBarEach() {
        var svg = GridPlot.svg(SVM, "gamma", ENGLISH);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertEquals(2, count(svg, "<polyline"), "C=5 and C=10");
        assertEquals(4, count(svg, "<circle"));
        assertTrue(svg.contains(">C=5</text>") && svg.contains(">C=10</text>"), "the legend names each line");
        assertTrue(svg.contains(">0.0125</text>") && svg.contains(">0.025</text>"), "x ticks are the gamma values");
        assertTrue(svg.contains(">gamma</text>"), "the x axis is titled");
        assertTrue(svg.contains("97.00 % ± 0.20"), "each point's tooltip gives its score");
    }

    @Test
    void theBestPointIsDrawnHighest() {
        var svg = GridPlot.svg(SVM, "gamma", ENGLISH);
        var heights = Pattern.compile("<circle cx=\"[\\d.]+\" cy=\"([\\d.]+)\"").matcher(svg).results()
                .map(m -> Double.parseDouble(m.group(1))).toList();
        assertEquals(heights.stream().min(Double::compare).orElseThrow(), heights.get(3), 1e-9, "SVG y grows downwards");
    }

    @Test
    void nothingToPlotGivesNoFigureAndTextIsEscaped() {
        assertEquals("", GridPlot.svg(List.of(), "C", ENGLISH));
        assertEquals("", GridPlot.svg(null, "C", ENGLISH));
        var svg = GridPlot.svg(List.of(new GridPoint(Map.of("k", "<b>"), 0.5, 0, 1)), "k", ENGLISH);
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("&lt;b&gt;"));
    }

    @Test
    void speaksFrenchWithFrenchNumbersAndASingleLineIsCalledCrossValidation() {
        var french = new GridPlot.Labels("Exactitude en validation croisée selon k", "validation croisée", Locale.FRENCH, ChartWidth.WIDE);
        var svg = GridPlot.svg(List.of(new GridPoint(Map.of("k", "1"), 0.9712, 0.0021, 3), new GridPoint(Map.of("k", "3"), 0.975, 0.001, 3)),
                "k", french);
        assertTrue(svg.contains("aria-label=\"Exactitude en validation croisée selon k\""), svg);
        assertTrue(svg.contains(">validation croisée</text>"), "the legend of the one line");
        assertTrue(svg.contains("97,12 % ± 0,21"), "French decimals in the tooltips");
        assertTrue(Pattern.compile(">\\d+,\\d %</text>").matcher(svg).find(), "French decimals on the axis");
        assertFalse(svg.contains("CV") || svg.contains("against"), "no English left");
    }

    @Test
    void narrowTheLegendGoesUnderThePlotAndTheTextKeepsItsSize() {
        var narrow = GridPlot.svg(SVM, "gamma", new GridPlot.Labels("t", "cv", Locale.ENGLISH, ChartWidth.NARROW));
        assertTrue(narrow.contains("viewBox=\"0 0 320 360\""), "320 wide, two legend lines under the 320 high plot: " + narrow);
        var legend = Pattern.compile("<text x=\"(\\d+)\" y=\"(\\d+)\" font-size=\"12\" fill=\"#334155\">C=").matcher(narrow).results().toList();
        assertEquals(2, legend.size());
        assertTrue(legend.stream().allMatch(m -> Integer.parseInt(m.group(1)) < 60 && Integer.parseInt(m.group(2)) > 320), "left, under the plot");
        assertTrue(Pattern.compile("font-size=\"(\\d+)\"").matcher(narrow).results().allMatch(m -> Integer.parseInt(m.group(1)) >= 11));
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
