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
