package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;

/**
 * Where a training run that includes people's corrections gets them: drawings whose label the admin accepted,
 * as training images. Declared here and implemented by the drawing feature, so training does not depend on
 * the feature that stores drawings (which itself sits on the pages and start-up above training).
 */
public interface CorrectedDrawings {

    /** The accepted labelled drawings as training images, newest first, bounded by the drawing feature. */
    List<LabelledImage> acceptedTrainingImages();
}
