package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;

/**
 * The CNN's hyperparameters: its network's sizes and its training schedule, with the defaults of the default
 * job and the bounds an order is checked against. The defaults are the network trained for real pens: 32/64
 * filters, fifteen epochs on images distorted like real writing, dropout 0.3; in the default job of 2026-11-26 it
 * scored 99.57 % on the MNIST test set in a 299 s fit, against 99.42 % in 94 s for 16/32 filters and ten epochs
 * of shifted images, and it reads thin, faint and rescaled digits better (README, Robustness). Since 2026-11-27
 * two images in five are first cut out of touching numbers ({@code numbers}, {@link NeighbourFragments}): with
 * seeds 42 and 7 the MNIST test stays at 99.55 % (99.51 and 99.62 % with {@code writing}) while touching numbers
 * read 76.7 % instead of 72.3 and 71.0 % (README, Touching numbers). {@code settling} with dropout 0.2 scored
 * 99.63 % in one {@code TrainingBench} draw, but 99.59 % with another seed and 99.49 % as the first start's
 * served model, so it is an option, not the default. Two 3x3 convolutions a block ({@code convolutions=2})
 * scored 99.59 and 99.55 % with seeds 42 and 7 in fits 1.6 times as long: no better alone, but a pair of them
 * averaged scores 99.62 %, which is what {@link CnnEnsembleSettings} trains.
 */
public record CnnSettings(CnnNetwork network, int epochs, int batchSize, float learningRate, CnnBatches.Augmentation augmentation)
        implements AlgorithmSettings {

    static final CnnSettings DEFAULTS = new CnnSettings(new CnnNetwork(32, 64, 256, 0.3f, 1), 15, 128, 0.002f,
            CnnBatches.Augmentation.NUMBERS);

    public CnnSettings {
        TrainingException.requireBetween(network.filters1(), 1, 256, "filters1");
        TrainingException.requireBetween(network.filters2(), 1, 256, "filters2");
        TrainingException.requireBetween(network.hiddenUnits(), 1, 4_096, "hiddenUnits");
        TrainingException.requireBetween(network.dropout(), 0, 0.9, "dropout");
        TrainingException.requireBetween(network.convolutions(), 1, 2, "convolutions");
        TrainingException.requireBetween(epochs, 1, 100, "epochs");
        TrainingException.requireBetween(batchSize, 1, 1_024, "batchSize");
        TrainingException.requireBetween(learningRate, 1e-6, 1, "learningRate");
    }

    static CnnSettings of(Hyperparameters p) {
        return new CnnSettings(new CnnNetwork(p.integer("filters1"), p.integer("filters2"), p.integer("hiddenUnits"),
                (float) p.decimal("dropout"), p.integer("convolutions")), p.integer("epochs"), p.integer("batchSize"),
                (float) p.decimal("learningRate"), p.choice("augmentation", CnnBatches.Augmentation.class));
    }

    @Override
    public CnnClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
        return DjlTrainer.train(images, new DjlTrainer.Run(network, epochs, batchSize, learningRate, augmentation, 0), seed, progress);
    }

    @Override
    public Hyperparameters values() {
        return Hyperparameters.of("filters1", network.filters1(), "filters2", network.filters2(), "hiddenUnits",
                network.hiddenUnits(), "dropout", network.dropout(), "convolutions", network.convolutions(), "epochs", epochs,
                "batchSize", batchSize, "learningRate", learningRate, "augmentation", augmentation);
    }
}
