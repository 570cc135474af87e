package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's gradient-boosted trees on the 784 grey levels: the tree ensemble of the default job, because
 * Smile's random forest scans every training image for every node and feature and took 7x scikit-learn's
 * forest, while XGBoost's histogram method (grey levels in 32 bins, blank pixels skipped as missing values)
 * reaches a better accuracy than scikit-learn's forest in less time (src/bench/README.md). It trains on one
 * thread: XGBoost splits every node's work between its OpenMP threads and waits for the slowest, so on a
 * shared machine two threads took 3.7 times as long as one, and one thread leaves a core to serving.
 * Its random-forest mode was measured too and was slower still (one deep tree per digit per forest tree), and
 * drawing half the images and pixels per round made it no faster and less accurate. Seeded; returns the
 * XGBoost adapter, ready to score and serve.
 */
public final class XgboostTrainers {

    private static final int BINS = 32;

    /** {@code rounds} rounds of ten trees (one per digit) at most {@code maxDepth} deep, each shrunk by {@code learningRate}. */
    public record BoostingSettings(int rounds, double learningRate, int maxDepth) implements AlgorithmSettings {
        static final BoostingSettings DEFAULTS = new BoostingSettings(50, 0.3, 6);

        public BoostingSettings {
            TrainingException.requireBetween(rounds, 1, 1_000, "rounds");
            TrainingException.requireBetween(learningRate, 0.001, 1, "learningRate");
            TrainingException.requireBetween(maxDepth, 1, 16, "maxDepth");
        }

        static BoostingSettings of(Hyperparameters p) {
            return new BoostingSettings(p.integer("rounds"), p.decimal("learningRate"), p.integer("maxDepth"));
        }

        @Override
        public XgboostClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return boostedTrees(images, this, seed);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("rounds", rounds, "learningRate", learningRate, "maxDepth", maxDepth);
        }
    }

    private XgboostTrainers() {
    }

    public static XgboostClassifier boostedTrees(List<LabelledImage> images, BoostingSettings settings, long seed) {
        DMatrix data = null;
        try {
            data = matrix(images);
            Map<String, Object> parameters = Map.of("objective", "multi:softprob", "num_class", 10, "tree_method", "hist",
                    "max_bin", BINS, "eta", settings.learningRate(),
                    "max_depth", settings.maxDepth(), "nthread", 1, "seed", seed);
            var booster = XGBoost.train(data, parameters, settings.rounds(), Map.of(), null, null);
            try {
                return new XgboostClassifier(booster.toByteArray("ubj"));
            } finally {
                booster.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train boosted trees: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
        }
    }

    /** The images as XGBoost trains on them (grey levels in [0, 1], blank pixels missing), labelled with their digits. */
    public static DMatrix matrix(List<LabelledImage> images) throws XGBoostError {
        var pixels = new float[images.size() * LabelledImage.PIXELS];
        var labels = new float[images.size()];
        for (int row = 0; row < images.size(); row++) {
            XgboostClassifier.scaled(images.get(row).pixels(), pixels, row * LabelledImage.PIXELS);
            labels[row] = images.get(row).label();
        }
        var matrix = new DMatrix(pixels, images.size(), LabelledImage.PIXELS, XgboostClassifier.MISSING);
        matrix.setLabel(labels);
        return matrix;
    }
}
