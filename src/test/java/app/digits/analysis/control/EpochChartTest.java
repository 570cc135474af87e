package app.digits.analysis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.Epoch;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EpochChartTest {

    private static final EpochChart.Labels FRENCH = new EpochChart.Labels("Perte et exactitude <par> époque", "Époque",
            "Perte d’entraînement", "Exactitude de validation", Locale.FRENCH, ChartWidth.WIDE);

    @Test
    void drawsOneLossAndOneAccuracyPointPerEpochWithTheCallersWords() {
        var svg = EpochChart.svg(List.of(new Epoch(1, 0.9, 0.81), new Epoch(2, 0.4, 0.93), new Epoch(3, 0.2, 0.95)), FRENCH);

        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"), svg);
        assertTrue(svg.contains("role=\"img\" aria-label=\"Perte et exactitude &lt;par&gt; époque\""), "escaped, in the page's language");
        assertEquals(2, Pattern.compile("<polyline ").matcher(svg).results().count(), "two curves");
        assertEquals(6, Pattern.compile("<circle ").matcher(svg).results().count(), "a point per epoch and curve");
        assertTrue(svg.contains("<title>Perte d’entraînement 2: 0,4000</title>"), "French decimals: " + svg);
        assertTrue(svg.contains("<title>Exactitude de validation 3: 95,00 %</title>"), svg);
        for (var tick : List.of(">80,0 %<", ">85,0 %<", ">90,0 %<", ">95,0 %<", ">100,0 %<", ">0,000<", ">0,250<", ">0,500<", ">1,000<")) {
            assertTrue(svg.contains(tick), "round ticks: " + tick + " in " + svg);
        }
        assertTrue(svg.contains(">Époque</text>"));
    }

    @Test
    void stepsAreRound() {
        assertEquals(0.25, EpochChart.niceStep(0.9), 1e-12);
        assertEquals(0.05, EpochChart.niceStep(0.14), 1e-12);
        assertEquals(0.005, EpochChart.niceStep(0.02), 1e-12);
        assertEquals(2, EpochChart.niceStep(7.3), 1e-12);
        assertEquals(2.5, EpochChart.niceStep(9), 1e-12);
    }

    @Test
    void aModelWithoutEpochsHasNoChart() {
        assertEquals("", EpochChart.svg(List.of(), FRENCH));
    }

    @Test
    void narrowForAPhoneTheLegendTakesTwoLinesUnderTheAxisTitle() {
        var narrow = new EpochChart.Labels("t", "Époque", "Perte d’entraînement", "Exactitude de validation", Locale.FRENCH,
                ChartWidth.NARROW);
        var svg = EpochChart.svg(List.of(new Epoch(1, 0.9, 0.81), new Epoch(2, 0.4, 0.93)), narrow);
        assertTrue(svg.contains("viewBox=\"0 0 320 336\""), svg);
        assertTrue(svg.contains("<text x=\"28\" y=\"308\" font-size=\"12\" fill=\"#334155\">Perte d’entraînement</text>"), svg);
        assertTrue(svg.contains("<text x=\"28\" y=\"326\" font-size=\"12\" fill=\"#334155\">Exactitude de validation</text>"), svg);
    }
}
