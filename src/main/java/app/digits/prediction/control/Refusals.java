package app.digits.prediction.control;

import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.InkMap;
import app.digits.registry.entity.DigitClassifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link DigitJudge} as the recognizer uses it: the thresholds from MicroProfile Config (defaults as
 * calibrated by {@code RejectionBench} for the default model) and the shipped {@link NonDigitDetector}, loaded
 * once (it also weighs the number reader's cuts, {@link PieceSureness}). A wrong threshold stops the deployment
 * rather than refusing every drawing.
 */
@ApplicationScoped
public class Refusals {

    @Inject
    @ConfigProperty(name = "digits.refusal.max-non-digit", defaultValue = "0.84168")
    double maxNonDigit;

    @Inject
    @ConfigProperty(name = "digits.refusal.max-piece-non-digit", defaultValue = "0.3")
    double maxPieceNonDigit;

    @Inject
    @ConfigProperty(name = "digits.refusal.min-confidence", defaultValue = "0.4")
    double minConfidence;

    @Inject
    @ConfigProperty(name = "digits.refusal.doubtful-non-digit", defaultValue = "0.3")
    double doubtfulNonDigit;

    @Inject
    @ConfigProperty(name = "digits.refusal.doubtful-min-confidence", defaultValue = "0.9")
    double doubtfulMinConfidence;

    private RefusalRules rules;
    private NonDigitDetector detector;
    private NonDigitDetector touching;

    @PostConstruct
    void init() {
        rules = new RefusalRules(maxNonDigit, maxPieceNonDigit, minConfidence, doubtfulNonDigit, doubtfulMinConfidence);
        detector = NonDigitDetector.shipped();
        touching = NonDigitDetector.touching();
    }

    /** What the judge needs from a single-digit drawing's ink and the model's input, read before the model answers. */
    public DigitJudge.InkEvidence inkOf(InkMap ink, byte[] pixels) {
        return DigitJudge.inkEvidence(ink, pixels, detector);
    }

    /** How sure the number reader is of a candidate piece with this model: see {@link PieceSureness}. */
    public DigitSegmenter.Sureness pieceSureness(DigitClassifier model) {
        return PieceSureness.of(model, detector, touching);
    }

    /** Why this single-digit drawing gets no digit, if it does not: what its ink showed and the model's answer. */
    public Optional<Refusal> of(DigitJudge.InkEvidence ink, double[] probabilities) {
        return DigitJudge.verdict(ink.with(probabilities), rules);
    }
}
