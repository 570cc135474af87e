package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import java.util.List;

/**
 * How one algorithm fits a classifier to labelled images with given hyperparameters, whatever its library.
 * Trainers that run in epochs report the share done (0 to 1) so the dashboard can follow them.
 */
@FunctionalInterface
public interface Learner {

    DigitClassifier fit(List<LabelledImage> images, Hyperparameters parameters, long seed, Progress progress);

    /** Receives the share of a fit that is done; throwing from it stops the fit (that is how a run is stopped). */
    interface Progress {
        void done(double share);

        Progress NONE = share -> { };
    }
}
