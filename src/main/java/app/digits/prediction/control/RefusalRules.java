package app.digits.prediction.control;

/**
 * The thresholds that turn evidence into a refusal, calibrated by {@code RejectionBench} on drawings apart from
 * those it reports (MicroProfile Config {@code digits.refusal.*}): the detector's score above which a drawing is
 * not a digit, the same for each piece of a drawing of several digits, the model's confidence below which it is
 * unsure, and a lower detector score above which the drawing is doubtful: not a digit either unless the model's
 * confidence reaches {@code doubtfulMinConfidence} (a scribble the detector half suspects and the model cannot
 * place).
 */
public record RefusalRules(double maxNonDigit, double maxPieceNonDigit, double minConfidence, double doubtfulNonDigit,
                           double doubtfulMinConfidence) {

    public RefusalRules {
        for (double threshold : new double[] {maxNonDigit, maxPieceNonDigit, minConfidence, doubtfulNonDigit, doubtfulMinConfidence}) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("digits.refusal.* thresholds are between 0 and 1, not " + threshold);
            }
        }
    }
}
