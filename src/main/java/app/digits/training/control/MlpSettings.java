package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;

/**
 * The multilayer perceptron's hyperparameters (see {@link MlpNetwork}): hidden units, dropout and its training
 * schedule, with the defaults of the default job and the first start, and the bounds an order is checked
 * against. Its inputs are shifted by up to two pixels like the CNN's by default, which gained 0.1 point.
 */
public record MlpSettings(int hiddenUnits, float dropout, int epochs, int batchSize, float learningRate,
                          CnnBatches.Augmentation augmentation) implements AlgorithmSettings {

    static final MlpSettings DEFAULTS = new MlpSettings(256, 0.2f, 10, 128, 0.002f, CnnBatches.Augmentation.SHIFTS);

    public MlpSettings {
        TrainingException.requireBetween(hiddenUnits, 1, 4_096, "hiddenUnits");
        TrainingException.requireBetween(dropout, 0, 0.9, "dropout");
        TrainingException.requireBetween(epochs, 1, 100, "epochs");
        TrainingException.requireBetween(batchSize, 1, 1_024, "batchSize");
        TrainingException.requireBetween(learningRate, 1e-6, 1, "learningRate");
    }

    static MlpSettings of(Hyperparameters p) {
        return new MlpSettings(p.integer("hiddenUnits"), (float) p.decimal("dropout"), p.integer("epochs"), p.integer("batchSize"),
                (float) p.decimal("learningRate"), p.choice("augmentation", CnnBatches.Augmentation.class));
    }

    @Override
    public CnnClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
        return DjlTrainer.train(images, new DjlTrainer.Run(new MlpNetwork(hiddenUnits, dropout), epochs, batchSize, learningRate,
                augmentation, 0), seed, progress);
    }

    @Override
    public Hyperparameters values() {
        return Hyperparameters.of("hiddenUnits", hiddenUnits, "dropout", dropout, "epochs", epochs, "batchSize", batchSize,
                "learningRate", learningRate, "augmentation", augmentation);
    }
}
