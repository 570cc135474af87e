package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import java.util.List;

/**
 * The typed hyperparameters of one algorithm, one record each, checked when built: a grid point (text, as an
 * administrator writes it) becomes one of these before anything is trained, so a bad value is refused when the
 * run is ordered, not minutes into it. Each record knows its defaults and how to fit its classifier.
 */
public sealed interface AlgorithmSettings permits CnnSettings, CnnEnsembleSettings, MlpSettings, SmileTrainers.SvmSettings,
        SmileTrainers.KnnSettings, SmileTrainers.ForestSettings, LogisticSettings, SmileTrainers.TreeSettings,
        WekaTrainers.ForestSettings, WekaTrainers.J48Settings, XgboostTrainers.BoostingSettings {

    /** Fits on {@code images}; networks report each epoch to {@code progress}. */
    DigitClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress);

    /** The settings by name, as grids, sidecars and pages write them. */
    Hyperparameters values();
}
