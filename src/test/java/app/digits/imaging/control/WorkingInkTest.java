package app.digits.imaging.control;

import static app.digits.imaging.control.Sketches.meanDifference;
import static app.digits.imaging.control.Sketches.seven;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WorkingInkTest {

    private static BufferedImage sevenOnCanvas(int side, double size, float pen) {
        return seven(side, side, side * 0.2, side * 0.1, size, pen, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
    }

    private static float strongest(InkMap map) {
        float max = 0;
        for (float value : map.ink()) {
            max = Math.max(max, value);
        }
        return max;
    }

    @Test
    void aDigitDrawnLargeIsWorkedOnAtAboutTheDigitHeight() {
        var working = WorkingInk.digit(sevenOnCanvas(280, 200, 24));

        assertTrue(working.ink().height() >= 64 && working.ink().height() <= 100, "height " + working.ink().height());
        assertEquals(280, working.drawingWidth());
        assertEquals(working.ink().height(), working.ink().width(), "the canvas keeps its shape");
    }

    @Test
    void aNumberKeepsMoreResolutionThanADigit() {
        var image = sevenOnCanvas(280, 200, 24);

        assertTrue(WorkingInk.number(image).ink().height() > WorkingInk.digit(image).ink().height());
    }

    @Test
    void inkNoHigherThanTheWorkingHeightIsLeftAtItsResolution() {
        var small = sevenOnCanvas(280, 50, 6);

        var working = WorkingInk.digit(small);

        assertArrayEquals(InkMap.of(small).ink(), working.ink().ink());
    }

    @Test
    void aThinPenShrunkToGreyComesBackAsFullInk() {
        var working = WorkingInk.digit(sevenOnCanvas(2000, 1600, 4));

        assertTrue(working.ink().height() < 100, "height " + working.ink().height());
        assertEquals(1f, strongest(working.ink()), "the stroke is full ink again, not a grey hairline");
    }

    /**
     * A fine pen and an MNIST-like one come out within a few grey levels of what the full resolution gives (2.5
     * and 1.3 when written); a marker, thinned on strokes of 19 pixels instead of 60, within 10 (8.0).
     */
    @Test
    void theModelSeesNearlyWhatTheFullResolutionGives() {
        float[] pens = {4, 24, 60};
        double[] bounds = {4, 4, 10};
        for (int i = 0; i < pens.length; i++) {
            var image = sevenOnCanvas(280, 200, pens[i]);
            var full = MnistNormalizer.normalize(InkMap.of(image)).orElseThrow();
            var working = MnistNormalizer.normalize(WorkingInk.digit(image).ink()).orElseThrow();

            assertTrue(meanDifference(full, working) < bounds[i], "pen " + pens[i] + ": mean difference " + meanDifference(full, working));
        }
    }

    @Test
    void specksFarFromTheDigitDoNotChangeTheWorkingSize() {
        var clean = sevenOnCanvas(280, 200, 24);
        var specked = sevenOnCanvas(280, 200, 24);
        var graphics = specked.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(5, 2, 3, 3);
        graphics.fillRect(150, 274, 4, 3);
        graphics.dispose();

        assertEquals(WorkingInk.digit(clean).ink().height(), WorkingInk.digit(specked).ink().height());
    }

    @Test
    void positionsOnTheWorkingMapAreGivenInTheDrawingsPixels() {
        var working = WorkingInk.number(new BufferedImage(1400, 280, BufferedImage.TYPE_INT_RGB));
        var shrunk = new WorkingInk(new InkMap(500, 100, new float[500 * 100]), 1400, 280);

        assertEquals(1400, working.across(working.ink().width()));
        assertEquals(700, shrunk.across(250));
        assertEquals(140, shrunk.down(50));
    }
}
