package app.digits.training.control;

/**
 * Where a training run that includes people's corrections gets them: drawings whose label the admin accepted,
 * as training images (a corrected number gives its pieces, by the rule of {@link CorrectedImages}). Declared
 * here and implemented by the drawing feature, so training does not depend on the feature that stores
 * drawings (which itself sits on the pages and start-up above training).
 */
public interface CorrectedDrawings {

    /** The accepted labelled drawings as training images, newest first, bounded by the drawing feature. */
    CorrectedImages acceptedTrainingImages();
}
