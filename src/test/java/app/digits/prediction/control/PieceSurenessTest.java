package app.digits.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.WorkingInk;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.RobustnessSets;
import app.digits.robustness.entity.RobustnessSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceSurenessTest {

    /** A model as sure of anything as a CNN is of a sliver. */
    private static final DigitClassifier OVERCONFIDENT = pixels -> {
        var probabilities = new double[10];
        Arrays.fill(probabilities, 0.00001 / 9);
        probabilities[1] = 0.99999;
        return probabilities;
    };

    private final NonDigitDetector detector = NonDigitDetector.shipped();
    private final NonDigitDetector touching = NonDigitDetector.touching();
    private final DigitSegmenter.Sureness sureness = PieceSureness.of(OVERCONFIDENT, detector, touching);

    @Test
    void isTheModelsSurenessWeighedByBothDetectorsDigitLikeness() {
        var digit = MnistTestSet.images().getFirst().pixels();

        assertEquals(0.99999 * (1 - detector.nonDigit(digit)) * (1 - touching.nonDigit(digit)), sureness.of(digit), 1e-12);
    }

    /** A model that names another to weigh pieces (an ensemble, one of its members) is not asked itself. */
    @Test
    void asksTheModelsPieceWeigher() {
        var digit = MnistTestSet.images().getFirst().pixels();
        DigitClassifier ensemble = new DigitClassifier() {
            @Override
            public double[] probabilities(byte[] pixels) {
                throw new AssertionError("the whole ensemble was asked");
            }

            @Override
            public DigitClassifier pieceWeigher() {
                return OVERCONFIDENT;
            }
        };

        assertEquals(sureness.of(digit), PieceSureness.of(ensemble, detector, touching).of(digit), 1e-12);
    }

    /**
     * The segmenter reads a number's candidate pieces in batches: the model's batched pass (the CNN's) must give
     * each piece what it would read alone, in the batch's order.
     */
    @Test
    void readsABatchAsItReadsEachImageAlone() {
        var images = MnistTestSet.images().subList(0, 5).stream().map(image -> image.pixels()).toList();
        var calls = new int[1];
        DigitClassifier batchedModel = new DigitClassifier() {
            @Override
            public double[] probabilities(byte[] pixels) {
                var probabilities = new double[10];
                Arrays.fill(probabilities, 0.05);
                probabilities[(pixels[300] & 0xFF) % 10] = 0.55;
                return probabilities;
            }

            @Override
            public List<double[]> probabilities(List<byte[]> batch) {
                calls[0]++;
                return batch.stream().map(this::probabilities).toList();
            }
        };
        var batchedSureness = PieceSureness.of(batchedModel, detector, touching);

        var read = batchedSureness.of(images);

        assertEquals(1, calls[0], "one pass for the batch");
        for (int i = 0; i < images.size(); i++) {
            assertEquals(batchedSureness.of(images.get(i)), read[i], 1e-12, "image " + i);
            assertEquals(0.55 * (1 - detector.nonDigit(images.get(i))) * (1 - touching.nonDigit(images.get(i))), read[i], 1e-12);
        }
    }

    /**
     * Numbers whose digits stand apart no longer show it: a cut through a lone digit costs enough that the
     * model alone leaves them whole ({@code DigitSegmenter}). Touching digits still do.
     */
    @Test
    void anOverconfidentModelCutsTouchingNumbersIntoTheirDigitsOnceTheDetectorsWeighThePieces() {
        var test = MnistTestSet.images();
        int count = 20;
        int rightAlone = 0;
        int rightWeighed = 0;
        for (int i = 0; i < count; i++) {
            var sample = RobustnessSets.sample(RobustnessSet.NUMBERS_TOUCHING, test, 1, i);
            var ink = WorkingInk.number(new ImageDecoder(2_000_000, 4_000_000).decode(sample.image())).ink();
            int digits = sample.expected().length();
            rightAlone += DigitSegmenter.segment(ink, OVERCONFIDENT::sureness).size() == digits ? 1 : 0;
            rightWeighed += DigitSegmenter.segment(ink, sureness).size() == digits ? 1 : 0;
        }
        assertTrue(rightWeighed >= 0.7 * count, rightWeighed + " of " + count + " numbers cut into their digits, the model alone " + rightAlone);
        assertTrue(rightWeighed > rightAlone, "weighed " + rightWeighed + ", the model alone " + rightAlone);
    }
}
