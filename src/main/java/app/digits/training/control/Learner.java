package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.Epoch;
import java.util.List;

/**
 * How one algorithm fits a classifier to labelled images with given hyperparameters, whatever its library.
 * Trainers that run in epochs report each one (its loss and held-out accuracy) so the dashboard can follow
 * them and the model can keep its learning curves.
 */
@FunctionalInterface
public interface Learner {

    DigitClassifier fit(List<LabelledImage> images, Hyperparameters parameters, long seed, Progress progress);

    /** Hears about each finished epoch of {@code epochs}; throwing from it stops the fit (that is how a run is stopped). */
    @FunctionalInterface
    interface Progress {
        void epochDone(Epoch epoch, int epochs);

        Progress NONE = (epoch, epochs) -> { };
    }
}
