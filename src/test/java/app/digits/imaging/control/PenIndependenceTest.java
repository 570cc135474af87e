package app.digits.imaging.control;

import static app.digits.imaging.control.Sketches.meanDifference;
import static app.digits.imaging.control.Sketches.normalize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 28x28 image a model sees depends on the drawing, not on the pen, the paper or the resolution: the same
 * seven drawn at 28, 280 and 2000 pixels, with a fine pen, in faint pencil, on noisy grey paper sent as JPEG
 * or with specks around it, comes out (nearly) the same.
 */
class PenIndependenceTest {

    private static final ImageDecoder DECODER = new ImageDecoder(50_000_000, 50_000_000);

    /** A seven filling the middle of a square canvas of {@code side} pixels, pen width a share of its size. */
    private static BufferedImage seven(int side, float penShare, Color ink, Color paper) {
        double size = 0.7 * side;
        return Sketches.seven(side, side, 0.15 * side, 0.15 * side, size, (float) (penShare * size), ink, paper,
                BufferedImage.TYPE_INT_RGB);
    }

    private static int strongest(byte[] pixels) {
        int max = 0;
        for (byte pixel : pixels) {
            max = Math.max(max, pixel & 0xFF);
        }
        return max;
    }

    private static final byte[] REFERENCE = normalize(seven(280, 0.12f, Color.BLACK, Color.WHITE));

    @Test
    void theSameDrawingAt28And280And2000PixelsGivesTheSameInput() {
        var at28 = normalize(seven(28, 0.12f, Color.BLACK, Color.WHITE));
        var at2000 = normalize(seven(2000, 0.12f, Color.BLACK, Color.WHITE));
        assertTrue(meanDifference(REFERENCE, at28) < 8, "28 px: mean difference " + meanDifference(REFERENCE, at28));
        assertTrue(meanDifference(REFERENCE, at2000) < 3, "2000 px: mean difference " + meanDifference(REFERENCE, at2000));
    }

    @Test
    void aFinePenIsThickenedToMnistsStrokeWidth() {
        var finePen = seven(280, 0.015f, Color.BLACK, Color.WHITE);
        var finerPen = seven(2000, 0.002f, Color.BLACK, Color.WHITE);
        for (var image : new BufferedImage[] {finePen, finerPen}) {
            var pixels = normalize(image);
            assertEquals(255, strongest(pixels), "full ink, not a grey hairline");
            assertTrue(meanDifference(REFERENCE, pixels) < 12, "mean difference " + meanDifference(REFERENCE, pixels));
        }
    }

    @Test
    void aMarkerIsThinnedAndAnMnistPenLeftAlone() {
        var marker = normalize(seven(280, 0.35f, Color.BLACK, Color.WHITE));
        var mnistPen = seven(280, 0.12f, Color.BLACK, Color.WHITE);
        assertTrue(meanDifference(REFERENCE, marker) < 15, "mean difference " + meanDifference(REFERENCE, marker));
        var crop = InkMap.of(mnistPen);
        assertTrue(StrokeWidth.normalized(crop) == crop, "a stroke of MNIST's width is not touched");
    }

    @Test
    void faintPencilBecomesFullInk() {
        var pencil = normalize(seven(280, 0.12f, new Color(190, 190, 190), Color.WHITE));
        assertEquals(255, strongest(pencil));
        assertTrue(meanDifference(REFERENCE, pencil) < 3, "mean difference " + meanDifference(REFERENCE, pencil));
    }

    @Test
    void noisyGreyPaperSentAsJpegIsBackground() {
        var scan = seven(280, 0.12f, new Color(40, 40, 60), new Color(215, 210, 185));
        var random = new Random(3);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int rgb = scan.getRGB(x, y);
                int grain = (int) Math.round(random.nextGaussian() * 10);
                int r = Math.clamp(((rgb >> 16) & 0xFF) + grain, 0, 255);
                int g = Math.clamp(((rgb >> 8) & 0xFF) + grain, 0, 255);
                int b = Math.clamp((rgb & 0xFF) + grain, 0, 255);
                scan.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        var pixels = normalize(DECODER.decode(Sketches.encode(scan, "jpeg")));
        int haze = 0;
        for (int i = 0; i < pixels.length; i++) {
            haze += (REFERENCE[i] & 0xFF) == 0 && (pixels[i] & 0xFF) > 32 ? 1 : 0;
        }
        assertTrue(haze <= 4, haze + " pixels of paper came out as ink");
        assertTrue(meanDifference(REFERENCE, pixels) < 6, "mean difference " + meanDifference(REFERENCE, pixels));
    }

    @Test
    void specksAroundTheDigitAreIgnored() {
        var specked = seven(280, 0.12f, Color.BLACK, Color.WHITE);
        var graphics = specked.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(5, 5, 3, 3);
        graphics.fillRect(270, 200, 2, 2);
        graphics.fillRect(150, 272, 4, 3);
        graphics.dispose();
        assertEquals(0, meanDifference(REFERENCE, normalize(specked)));
    }
}
