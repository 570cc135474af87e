package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.core.DenseInstance;

/**
 * Weka's decision tree (J48, its C4.5) and random forest on the 784 grey levels, for comparison with Smile's
 * implementations of the same ideas. Each returns the Weka adapter, ready to score and serve. The forest is
 * seeded and uses both cores, its trees grown by counting ({@link GreyLevelRandomTree}); so does the tree, which
 * splits on the pixels that carry ink ({@link InkedPixelsJ48}).
 */
public final class WekaTrainers {

    /** Weka's random forest of {@code trees} trees. */
    public record ForestSettings(int trees) implements AlgorithmSettings {
        static final ForestSettings DEFAULTS = new ForestSettings(100);

        public ForestSettings {
            TrainingException.requireBetween(trees, 1, 1_000, "trees");
        }

        static ForestSettings of(Hyperparameters p) {
            return new ForestSettings(p.integer("trees"));
        }

        @Override
        public WekaClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return randomForest(images, trees, seed);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("trees", trees);
        }
    }

    /** J48's pruning confidence and the fewest images a leaf holds. */
    public record J48Settings(double confidenceFactor, int minNumObj) implements AlgorithmSettings {
        static final J48Settings DEFAULTS = new J48Settings(0.25, 2);

        public J48Settings {
            TrainingException.requireBetween(confidenceFactor, 0.001, 0.5, "confidenceFactor");
            TrainingException.requireBetween(minNumObj, 1, 1_000, "minNumObj");
        }

        static J48Settings of(Hyperparameters p) {
            return new J48Settings(p.decimal("confidenceFactor"), p.integer("minNumObj"));
        }

        @Override
        public WekaClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return j48(images, confidenceFactor, minNumObj);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("confidenceFactor", confidenceFactor, "minNumObj", minNumObj);
        }
    }

    /**
     * The tree splits on pixels inked in at least one training image in a hundred: the frame of MNIST's images
     * is empty in nearly all of them, and sorting every node's images by it cost J48 time and no accuracy
     * (src/bench/README.md).
     */
    static final double INKED_SHARE = 0.01;

    private WekaTrainers() {
    }

    public static WekaClassifier j48(List<LabelledImage> images, double confidenceFactor, int minNumObj) {
        var tree = new InkedPixelsJ48(INKED_SHARE);
        tree.setConfidenceFactor((float) confidenceFactor);
        tree.setMinNumObj(minNumObj);
        return fit(tree, images);
    }

    public static WekaClassifier randomForest(List<LabelledImage> images, int trees, long seed) {
        var forest = new RandomForest();
        forest.setClassifier(new GreyLevelRandomTree());
        forest.setNumIterations(trees);
        forest.setSeed((int) seed);
        forest.setNumExecutionSlots(Runtime.getRuntime().availableProcessors());
        return fit(forest, images);
    }

    private static WekaClassifier fit(Classifier classifier, List<LabelledImage> images) {
        var data = WekaClassifier.header(images.size());
        for (var image : images) {
            data.add(new DenseInstance(1.0, WekaClassifier.values(image.pixels(), image.label())));
        }
        try {
            classifier.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not train " + classifier.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return new WekaClassifier(classifier, new weka.core.Instances(data, 0));
    }
}
