package app.digits.prediction.control;

import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import java.util.Optional;

/**
 * Decides whether a drawing on the single-digit pad is one digit before its digit is answered. The served model
 * always names a digit, so the judge looks at what it cannot: the ink's separate marks (two tall marks side by
 * side, each digit-like, are several digits; dots and commas do not count), the {@link NonDigitDetector}'s
 * score of the whole drawing (scribbles, letters, shapes, dots), and only then the model's own confidence.
 * Gathering evidence and applying thresholds are apart, so the benchmark calibrates the thresholds on evidence
 * gathered once.
 */
public final class DigitJudge {

    /** A mark counts as a digit of its own when it is at least this share of the tallest mark's height. */
    private static final double TALL = 0.5;
    /**
     * A drawing whose whole the detector scores below this is not searched for several digits. Measured with
     * {@code RejectionBench}'s drawings and the first start's CNN (2026-11-27): skipping the search below 0.1,
     * and even below 0.3, left every verdict as it was, for 3,950 digits and 900 non-digits (the 95 two-digit
     * drawings answered {@code several-digits} all score 0.3 or more as a whole), while 3,769 of the 4,850
     * drawings skipped it at 0.1; 0.1 keeps a margin.
     */
    static final double DIGIT_LIKE = 0.1;

    /**
     * What the judge looks at: the detector's score of the whole drawing, the worst score of its digit-sized
     * marks when there are several side by side (1 when there are not), and the model's confidence.
     */
    public record Evidence(double nonDigit, double worstPiece, double confidence) {
    }

    private DigitJudge() {
    }

    /**
     * What the judge reads from the drawing alone, before the model answers: gathered while the drawing's ink
     * is at hand, so the ink can be let go while the model reads the image.
     */
    public record InkEvidence(double nonDigit, double worstPiece) {

        public Evidence with(double[] probabilities) {
            double confidence = 0;
            for (double probability : probabilities) {
                confidence = Math.max(confidence, probability);
            }
            return new Evidence(nonDigit, worstPiece, confidence);
        }
    }

    public static Evidence evidence(InkMap ink, byte[] pixels, double[] probabilities, NonDigitDetector detector) {
        return inkEvidence(ink, pixels, detector).with(probabilities);
    }

    /**
     * The detector's score of the whole drawing and, unless the whole is digit-like already (below
     * {@value #DIGIT_LIKE}), the worst of its marks. Two digits side by side score as a non-digit as a whole, so a
     * digit-like drawing is not searched for them: that search was most of a single digit's evidence before.
     */
    public static InkEvidence inkEvidence(InkMap ink, byte[] pixels, NonDigitDetector detector) {
        double nonDigit = detector.nonDigit(pixels);
        return new InkEvidence(nonDigit, nonDigit < DIGIT_LIKE ? 1 : worstPiece(ink, detector));
    }

    public static Optional<Refusal> verdict(Evidence evidence, RefusalRules rules) {
        if (evidence.worstPiece() < rules.maxPieceNonDigit()) {
            return Optional.of(Refusal.SEVERAL_DIGITS);
        }
        boolean doubtful = evidence.nonDigit() > rules.doubtfulNonDigit() && evidence.confidence() < rules.doubtfulMinConfidence();
        if (evidence.nonDigit() > rules.maxNonDigit() || doubtful) {
            return Optional.of(Refusal.NOT_A_DIGIT);
        }
        return evidence.confidence() < rules.minConfidence() ? Optional.of(Refusal.UNSURE) : Optional.empty();
    }

    /**
     * The least digit-like of the tall marks when two or more stand apart, left to right; 1 otherwise. The
     * marks are cut as numbers are, with the detector's digit-likeness as the sureness that weighs the cuts.
     */
    private static double worstPiece(InkMap ink, NonDigitDetector detector) {
        var pieces = DigitSegmenter.segmentUnlessOneDigit(ink, pixels -> 1 - detector.nonDigit(pixels));
        int tallest = pieces.stream().mapToInt(DigitSegmenter.Piece::height).max().orElse(0);
        var tall = pieces.stream().filter(piece -> piece.height() >= TALL * tallest).toList();
        if (tall.size() < 2) {
            return 1;
        }
        double worst = 0;
        for (int i = 0; i < tall.size(); i++) {
            var piece = tall.get(i);
            if (i > 0 && piece.left() <= tall.get(i - 1).left() + tall.get(i - 1).width()) {
                return 1;
            }
            var pixels = MnistNormalizer.normalize(piece.ink());
            worst = Math.max(worst, pixels.isEmpty() ? 1 : detector.nonDigit(pixels.get()));
        }
        return worst;
    }
}
