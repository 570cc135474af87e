package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;

/**
 * Logistic regression's hyperparameters (see {@link LinearNetwork}): the L2 penalty {@code lambda} on the summed
 * log-loss, as Smile and textbooks write it (so it acts on each mini-batch's mean loss as a weight decay of
 * {@code lambda / images}), and the training schedule.
 */
public record LogisticSettings(double lambda, int epochs, int batchSize, float learningRate) implements AlgorithmSettings {

    static final LogisticSettings DEFAULTS = new LogisticSettings(0.1, 10, 128, 0.002f);

    public LogisticSettings {
        TrainingException.requireBetween(lambda, 0, 1e6, "lambda");
        TrainingException.requireBetween(epochs, 1, 100, "epochs");
        TrainingException.requireBetween(batchSize, 1, 1_024, "batchSize");
        TrainingException.requireBetween(learningRate, 1e-6, 1, "learningRate");
    }

    static LogisticSettings of(Hyperparameters p) {
        return new LogisticSettings(p.decimal("lambda"), p.integer("epochs"), p.integer("batchSize"), (float) p.decimal("learningRate"));
    }

    @Override
    public CnnClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
        float weightDecay = (float) (lambda / Math.max(1, images.size()));
        return DjlTrainer.train(images, new DjlTrainer.Run(new LinearNetwork(), epochs, batchSize, learningRate,
                CnnBatches.Augmentation.NONE, weightDecay), seed, progress);
    }

    @Override
    public Hyperparameters values() {
        return Hyperparameters.of("lambda", lambda, "epochs", epochs, "batchSize", batchSize, "learningRate", learningRate);
    }
}
