package app.digits.imaging.control;

import static app.digits.imaging.control.Sketches.meanDifference;
import static app.digits.imaging.control.Sketches.normalize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MnistNormalizerTest {

    @Test
    void whereTheDigitIsDrawnDoesNotMatter() {
        assertArrayEquals(normalize(Sketches.blackOnWhite(20, 30, 120)), normalize(Sketches.blackOnWhite(140, 130, 120)));
    }

    @Test
    void howLargeTheDigitIsDrawnHardlyMatters() {
        var small = normalize(Sketches.blackOnWhite(100, 100, 80));
        var large = normalize(Sketches.blackOnWhite(20, 20, 240));
        assertTrue(meanDifference(small, large) < 6, "mean difference " + meanDifference(small, large));
    }

    @Test
    void whiteOnBlackGivesTheSameImageAsBlackOnWhite() {
        var inverted = Sketches.seven(280, 280, 60, 50, 150, Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB);
        assertArrayEquals(normalize(Sketches.blackOnWhite(60, 50, 150)), normalize(inverted));
    }

    @Test
    void inkOnATransparentBackgroundIsReadFromAlpha() {
        var transparent = Sketches.seven(280, 280, 60, 50, 150, Color.BLACK, null, BufferedImage.TYPE_INT_ARGB);
        var opaque = normalize(Sketches.blackOnWhite(60, 50, 150));
        assertTrue(meanDifference(opaque, normalize(transparent)) < 1.0);
    }

    @Test
    void colouredInkOnAColouredBackgroundWorks() {
        var blueOnYellow = Sketches.seven(280, 280, 60, 50, 150, new Color(20, 40, 160), new Color(250, 240, 190),
                BufferedImage.TYPE_INT_RGB);
        assertTrue(meanDifference(normalize(Sketches.blackOnWhite(60, 50, 150)), normalize(blueOnYellow)) < 6);
    }

    @Test
    void aJpegDrawingGivesNearlyTheSameImage() throws Exception {
        var png = Sketches.blackOnWhite(40, 60, 160);
        var jpeg = new ImageDecoder(1_000_000, 1_000_000).decode(Sketches.encode(png, "jpeg"));
        assertTrue(meanDifference(normalize(png), normalize(jpeg)) < 4);
    }

    @Test
    void theDigitFitsA20By20BoxCentredOnItsMass() {
        var pixels = normalize(Sketches.blackOnWhite(10, 10, 200));
        int top = 28, bottom = -1, left = 28, right = -1;
        double mass = 0, sumX = 0, sumY = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int value = pixels[y * 28 + x] & 0xFF;
                if (value > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
                mass += value;
                sumX += value * (x + 0.5);
                sumY += value * (y + 0.5);
            }
        }
        assertEquals(20, Math.max(bottom - top + 1, right - left + 1), "the longer side fills the 20-pixel box");
        assertEquals(14.5, sumX / mass, 0.5, "MNIST's centre: the middle of pixel 14");
        assertEquals(14.5, sumY / mass, 0.5);
    }

    @Test
    void aTallThinStrokeKeepsItsAspectRatio() {
        var image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 280, 280);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(130, 40, 20, 200);
        graphics.dispose();
        var pixels = normalize(image);
        int columns = 0;
        for (int x = 0; x < 28; x++) {
            for (int y = 0; y < 28; y++) {
                if ((pixels[y * 28 + x] & 0xFF) > 0) {
                    columns++;
                    break;
                }
            }
        }
        assertEquals(2, columns, "a 20x200 bar becomes 2 columns of a 20-row digit");
    }

    @Test
    void aBlankCanvasHasNoDigit() {
        var white = Sketches.seven(280, 280, 0, 0, 0, Color.WHITE, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        assertTrue(MnistNormalizer.normalize(InkMap.of(white)).isEmpty());
        var empty = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
        assertTrue(MnistNormalizer.normalize(InkMap.of(empty)).isEmpty());
    }

    @Test
    void aDotOrAFaintSmudgeIsNotADigit() {
        var dot = Sketches.blackOnWhite(140, 140, 10);
        assertTrue(MnistNormalizer.normalize(InkMap.of(dot)).isEmpty());
        var faint = Sketches.seven(280, 280, 40, 40, 200, new Color(245, 245, 245), Color.WHITE, BufferedImage.TYPE_INT_RGB);
        assertTrue(MnistNormalizer.normalize(InkMap.of(faint)).isEmpty());
    }

    @Test
    void anMnistStyleImageIsLeftAlmostAsItIs() {
        var grey = new int[784];
        var original = normalize(Sketches.blackOnWhite(30, 30, 200));
        for (int i = 0; i < 784; i++) {
            grey[i] = original[i] & 0xFF;
        }
        var again = MnistNormalizer.normalize(InkMap.ofGreyLevels(28, 28, grey)).orElseThrow();
        assertTrue(meanDifference(original, again) < 3, "mean difference " + meanDifference(original, again));
    }

    @Test
    void resamplingKeepsTheAverageInk() {
        var source = new float[] {1, 0, 1, 0, 1, 0, 1, 0};
        var result = MnistNormalizer.resample(source, 8, 1, 4, 1);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, result, 1e-6f);
        var up = MnistNormalizer.resample(new float[] {1, 0}, 2, 1, 4, 1);
        assertArrayEquals(new float[] {1, 1, 0, 0}, up, 1e-6f);
    }
}
