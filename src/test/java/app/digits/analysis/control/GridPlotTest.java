package app.digits.analysis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.GridPoint;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GridPlotTest {

    private static final List<GridPoint> SVM = List.of(
            new GridPoint(Map.of("C", "5", "gamma", "0.0125"), 0.95, 0.01, 3),
            new GridPoint(Map.of("C", "5", "gamma", "0.025"), 0.96, 0.01, 3),
            new GridPoint(Map.of("C", "10", "gamma", "0.0125"), 0.955, 0.005, 3),
            new GridPoint(Map.of("C", "10", "gamma", "0.025"), 0.97, 0.002, 3));

    @Test
    void oneLinePerCombinationOfTheOtherAxesWithAPointAndErrorBarEach() {
        var svg = GridPlot.svg(SVM, "gamma");
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
        var svg = GridPlot.svg(SVM, "gamma");
        var heights = Pattern.compile("<circle cx=\"[\\d.]+\" cy=\"([\\d.]+)\"").matcher(svg).results()
                .map(m -> Double.parseDouble(m.group(1))).toList();
        assertEquals(heights.stream().min(Double::compare).orElseThrow(), heights.get(3), 1e-9, "SVG y grows downwards");
    }

    @Test
    void nothingToPlotGivesNoFigureAndTextIsEscaped() {
        assertEquals("", GridPlot.svg(List.of(), "C"));
        assertEquals("", GridPlot.svg(null, "C"));
        var svg = GridPlot.svg(List.of(new GridPoint(Map.of("k", "<b>"), 0.5, 0, 1)), "k");
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("&lt;b&gt;"));
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
