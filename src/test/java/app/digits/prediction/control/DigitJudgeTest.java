package app.digits.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.digits.imaging.control.InkMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigitJudgeTest {

    private static final RefusalRules RULES = new RefusalRules(0.9, 0.2, 0.5, 0.3, 0.8);
    private static final double[] SURE_SEVEN = {0, 0, 0, 0, 0, 0, 0, 0.97, 0.03, 0};

    /** A detector that gives every image the same score. */
    static NonDigitDetector constant(double score) {
        return new NonDigitDetector(NonDigitDetector.INPUTS, 1, new float[NonDigitDetector.INPUTS], new float[1], new float[1],
                new float[] {(float) Math.log(score / (1 - score))});
    }

    /**
     * A detector that scores a blank image {@code whole} and any inked one {@code piece}: the tests pass the whole
     * drawing's 28x28 image blank, so the whole and its marks get scores of their own. Two hidden units, one the
     * other less one, differ by 1 (to rounding) for any image with a pixel of full ink, and by 0 for none.
     */
    static NonDigitDetector scoring(double whole, double piece) {
        var weights = new float[2 * NonDigitDetector.INPUTS];
        for (int i = 0; i < 784; i++) {
            weights[i] = 1;
            weights[NonDigitDetector.INPUTS + i] = 1;
        }
        double wholeLogit = Math.log(whole / (1 - whole));
        double pieceLogit = Math.log(piece / (1 - piece));
        return new NonDigitDetector(NonDigitDetector.INPUTS, 2, weights, new float[] {0, -1},
                new float[] {(float) (pieceLogit - wholeLogit), (float) (wholeLogit - pieceLogit)}, new float[] {(float) wholeLogit});
    }

    /** A 200x100 drawing with ink in the given rectangles {left, top, width, height}. */
    private static InkMap ink(int[]... rectangles) {
        var map = new InkMap(200, 100, new float[200 * 100]);
        for (var r : rectangles) {
            for (int y = r[1]; y < r[1] + r[3]; y++) {
                for (int x = r[0]; x < r[0] + r[2]; x++) {
                    map.ink()[y * 200 + x] = 1f;
                }
            }
        }
        return map;
    }

    @Test
    void twoTallMarksApartAreSeveralDigitsWhenEachLooksLikeADigit() {
        var eleven = ink(new int[] {40, 10, 12, 80}, new int[] {140, 12, 12, 78});

        assertEquals(0.1, DigitJudge.evidence(eleven, new byte[784], SURE_SEVEN, scoring(0.95, 0.1)).worstPiece(), 1e-3);
        assertEquals(Optional.of(Refusal.SEVERAL_DIGITS),
                DigitJudge.verdict(DigitJudge.evidence(eleven, new byte[784], SURE_SEVEN, scoring(0.95, 0.1)), RULES));
        assertEquals(Optional.of(Refusal.NOT_A_DIGIT),
                DigitJudge.verdict(DigitJudge.evidence(eleven, new byte[784], SURE_SEVEN, constant(0.95)), RULES),
                "marks that are not digit-like are not 'several digits'");
    }

    @Test
    void aDrawingDigitLikeAsAWholeIsNotSearchedForSeveralDigits() {
        var eleven = ink(new int[] {40, 10, 12, 80}, new int[] {140, 12, 12, 78});

        assertEquals(0.05, DigitJudge.evidence(eleven, new byte[784], SURE_SEVEN, scoring(DigitJudge.DIGIT_LIKE + 0.01, 0.05)).worstPiece(), 1e-3);
        assertEquals(1, DigitJudge.evidence(eleven, new byte[784], SURE_SEVEN, scoring(DigitJudge.DIGIT_LIKE - 0.01, 0.05)).worstPiece());
        assertEquals(Optional.empty(),
                DigitJudge.verdict(DigitJudge.evidence(eleven, new byte[784], SURE_SEVEN, scoring(DigitJudge.DIGIT_LIKE - 0.01, 0.05)), RULES));
    }

    @Test
    void aDotBesideADigitOrASingleMarkIsNotSeveralDigits() {
        var oneWithDot = ink(new int[] {40, 10, 12, 80}, new int[] {140, 80, 10, 10});
        var one = ink(new int[] {90, 10, 12, 80});

        assertEquals(1, DigitJudge.evidence(oneWithDot, new byte[784], SURE_SEVEN, scoring(0.5, 0.1)).worstPiece());
        assertEquals(1, DigitJudge.evidence(one, new byte[784], SURE_SEVEN, scoring(0.5, 0.1)).worstPiece());
        assertEquals(Optional.empty(), DigitJudge.verdict(DigitJudge.evidence(one, new byte[784], SURE_SEVEN, constant(0.1)), RULES));
    }

    @Test
    void theVerdictTakesMarksThenTheDetectorThenTheModelsConfidence() {
        assertEquals(Optional.of(Refusal.SEVERAL_DIGITS), DigitJudge.verdict(new DigitJudge.Evidence(0.95, 0.1, 0.2), RULES));
        assertEquals(Optional.of(Refusal.NOT_A_DIGIT), DigitJudge.verdict(new DigitJudge.Evidence(0.95, 1, 0.2), RULES));
        assertEquals(Optional.of(Refusal.UNSURE), DigitJudge.verdict(new DigitJudge.Evidence(0.2, 1, 0.4), RULES));
        assertEquals(Optional.empty(), DigitJudge.verdict(new DigitJudge.Evidence(0.2, 1, 0.6), RULES));
    }

    @Test
    void aDrawingTheDetectorDoubtsIsNotADigitUnlessTheModelIsSure() {
        assertEquals(Optional.of(Refusal.NOT_A_DIGIT), DigitJudge.verdict(new DigitJudge.Evidence(0.5, 1, 0.7), RULES));
        assertEquals(Optional.empty(), DigitJudge.verdict(new DigitJudge.Evidence(0.5, 1, 0.85), RULES), "a sure model");
        assertEquals(Optional.empty(), DigitJudge.verdict(new DigitJudge.Evidence(0.25, 1, 0.7), RULES), "not doubted");
    }

    @Test
    void theConfidenceIsTheModelsHighestProbability() {
        assertEquals(0.97, DigitJudge.evidence(ink(new int[] {90, 10, 12, 80}), new byte[784], SURE_SEVEN, constant(0.1)).confidence());
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RefusalRules(1.5, 0.2, 0.5, 0.3, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new RefusalRules(0.9, Double.NaN, 0.5, 0.3, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new RefusalRules(0.9, 0.2, 0.5, 0.3, -0.1));
    }
}
