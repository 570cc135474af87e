package app.digits.prediction.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.NonDigitSets;
import app.digits.robustness.control.TouchingPairs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NonDigitDetectorTest {

    @Test
    void weightsSurviveAWriteAndARead() throws IOException {
        var detector = new NonDigitDetector(3, 2, new float[] {1, 2, 3, 4, 5, 6}, new float[] {0.5f, -0.5f}, new float[] {1, -1},
                new float[] {0.25f});
        var out = new ByteArrayOutputStream();
        detector.write(out);

        var read = NonDigitDetector.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(detector.inputWeights(), read.inputWeights());
        assertArrayEquals(detector.outputBias(), read.outputBias());
        assertEquals(detector.output(detector.activations(new float[] {1, 0, 1})), read.output(read.activations(new float[] {1, 0, 1})));
        assertThrows(IOException.class, () -> NonDigitDetector.read(new ByteArrayInputStream(new byte[12])));
    }

    @Test
    void readingOnlyTheInkGivesTheFullNetworksAnswerToTheLastBit() {
        var detector = NonDigitDetector.shipped();
        var random = new java.util.Random(11);
        for (int sample = 0; sample < 50; sample++) {
            var pixels = new byte[784];
            for (int i = 0; i < pixels.length; i++) {
                if (random.nextInt(5) == 0) {
                    pixels[i] = (byte) (1 + random.nextInt(255));
                }
            }
            assertEquals(detector.output(detector.activations(NonDigitDetector.input(pixels))), detector.nonDigit(pixels), "sample " + sample);
        }
        var blank = new byte[784];
        assertEquals(detector.output(detector.activations(NonDigitDetector.input(blank))), detector.nonDigit(blank), "a blank image");
    }

    @Test
    void theShippedDetectorAtTheConfiguredThresholdKeepsTestDigitsAndRefusesShapesAndLetters() throws IOException {
        var settings = new Properties();
        try (var in = NonDigitDetectorTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            settings.load(in);
        }
        double threshold = Double.parseDouble(settings.getProperty("digits.refusal.max-non-digit"));
        var detector = NonDigitDetector.shipped();
        long digits = MnistTestSet.images().subList(0, 100).stream()
                .map(image -> InkMap.ofGreyLevels(28, 28, IntStream.range(0, 784).map(image::pixel).toArray()))
                .flatMap(ink -> MnistNormalizer.normalize(ink).stream())
                .filter(pixels -> detector.nonDigit(pixels) <= threshold).count();
        long shapes = refused(NonDigitSets.Kind.SHAPE, detector, threshold);
        long letters = refused(NonDigitSets.Kind.LETTER, detector, threshold);

        assertTrue(digits >= 98, digits + " of 100 test digits taken for digits");
        assertTrue(shapes >= 17, shapes + " of 20 shapes taken for non-digits");
        assertTrue(letters >= 12, letters + " of 20 letters taken for non-digits");
    }

    /** Laid as the numbers sets lay them, from test digits it never saw: one digit, or two touching. */
    @Test
    void theTouchingDigitsDetectorTellsTwoTouchingTestDigitsFromOne() {
        var detector = NonDigitDetector.touching();
        int[] sayTwo = new int[2];
        TouchingPairs.samples(MnistTestSet.images(), 7, 100).forEach(drawing -> MnistNormalizer.normalize(drawing.ink())
                .filter(pixels -> detector.nonDigit(pixels) > 0.5).ifPresent(pixels -> sayTwo[drawing.digit() ? 0 : 1]++));

        assertTrue(sayTwo[0] <= 5, sayTwo[0] + " of 100 single test digits taken for two");
        assertTrue(sayTwo[1] >= 85, sayTwo[1] + " of 100 pairs of touching test digits taken for two");
    }

    private static long refused(NonDigitSets.Kind kind, NonDigitDetector detector, double threshold) {
        var decoder = new ImageDecoder(2_000_000, 4_000_000);
        return NonDigitSets.samples(kind, MnistTestSet.images(), 5, 20)
                .flatMap(sample -> MnistNormalizer.normalize(InkMap.of(decoder.decode(sample.image()))).stream())
                .filter(pixels -> detector.nonDigit(pixels) > threshold).count();
    }
}
