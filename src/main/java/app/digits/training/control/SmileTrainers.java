package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.KNN;
import smile.classification.OneVersusOne;
import smile.classification.RandomForest;
import smile.classification.SVM;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * Smile's classical classifiers on MNIST: a decision tree or a random forest on a data frame with one column per pixel, and an RBF-kernel SVM (one versus one)
 * or k-nearest neighbours (exhaustive search, faster than a cover tree in 50 dimensions) on PCA features.
 * Each returns the Smile adapter, ready to score and serve. Seeded where the algorithm draws at random.
 */
public final class SmileTrainers {

    private static final String LABEL = "digit";
    private static final int PIXELS = LabelledImage.PIXELS;

    /** An RBF-kernel SVM on {@code pca} principal components. */
    public record SvmSettings(int pca, double c, double gamma) implements AlgorithmSettings {
        static final SvmSettings DEFAULTS = new SvmSettings(50, 10, 0.025);

        public SvmSettings {
            TrainingException.requireBetween(pca, 1, PIXELS, "pca");
            TrainingException.requireBetween(c, 1e-6, 1e6, "C");
            TrainingException.requireBetween(gamma, 1e-9, 100, "gamma");
        }

        static SvmSettings of(Hyperparameters p) {
            return new SvmSettings(p.integer("pca"), p.decimal("C"), p.decimal("gamma"));
        }

        @Override
        public SmileClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return svm(images, pca, c, gamma, seed);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("pca", pca, "C", c, "gamma", gamma);
        }
    }

    /** k nearest neighbours on {@code pca} principal components. */
    public record KnnSettings(int pca, int k) implements AlgorithmSettings {
        static final KnnSettings DEFAULTS = new KnnSettings(50, 3);

        public KnnSettings {
            TrainingException.requireBetween(pca, 1, PIXELS, "pca");
            TrainingException.requireBetween(k, 1, 100, "k");
        }

        static KnnSettings of(Hyperparameters p) {
            return new KnnSettings(p.integer("pca"), p.integer("k"));
        }

        @Override
        public SmileClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return knn(images, pca, k);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("pca", pca, "k", k);
        }
    }

    /** A random forest of {@code trees} trees, each split choosing among {@code mtry} pixels. */
    public record ForestSettings(int trees, int mtry) implements AlgorithmSettings {
        static final ForestSettings DEFAULTS = new ForestSettings(100, 28);

        public ForestSettings {
            TrainingException.requireBetween(trees, 1, 1_000, "trees");
            TrainingException.requireBetween(mtry, 1, PIXELS, "mtry");
        }

        static ForestSettings of(Hyperparameters p) {
            return new ForestSettings(p.integer("trees"), p.integer("mtry"));
        }

        @Override
        public SmileClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return randomForest(images, trees, mtry, seed);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("trees", trees, "mtry", mtry);
        }
    }

    /** A CART tree at most {@code maxDepth} deep, with leaves of at least {@code nodeSize} images. */
    public record TreeSettings(int maxDepth, int nodeSize) implements AlgorithmSettings {
        static final TreeSettings DEFAULTS = new TreeSettings(20, 5);

        public TreeSettings {
            TrainingException.requireBetween(maxDepth, 1, 100, "maxDepth");
            TrainingException.requireBetween(nodeSize, 1, 1_000, "nodeSize");
        }

        static TreeSettings of(Hyperparameters p) {
            return new TreeSettings(p.integer("maxDepth"), p.integer("nodeSize"));
        }

        @Override
        public SmileClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return decisionTree(images, maxDepth, nodeSize);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("maxDepth", maxDepth, "nodeSize", nodeSize);
        }
    }

    private SmileTrainers() {
    }

    /**
     * An SVM with the Gaussian kernel exp(-gamma |x - y|^2) on {@code dimensions} principal components. Smile fits
     * the 45 pairs of digits on the common pool's threads, and each fit visits its images in an order drawn from
     * its thread's own random generator, which a seed set on the calling thread does not reach: the same job's
     * cross-validation scores moved by up to 6 images in 5,000 from run to run, enough to choose another C. So
     * each pair's fit seeds its own thread first, from the run's seed and the pair's images.
     */
    public static SmileClassifier svm(List<LabelledImage> images, int dimensions, double c, double gamma, long seed) {
        var pixels = features(images);
        var projection = PcaProjection.fit(pixels, dimensions);
        var x = projection.apply(pixels);
        var kernel = new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
        var model = OneVersusOne.fit(x, labels(images), (xi, yi) -> {
            MathEx.setSeed(31 * (31 * seed + xi.length) + Arrays.hashCode(xi[0]));
            return SVM.fit(xi, yi, kernel, c, 1e-3);
        });
        return SmileClassifier.ofProjected(model, projection);
    }

    /** k-nearest neighbours (Euclidean, majority vote) on {@code dimensions} principal components. */
    public static SmileClassifier knn(List<LabelledImage> images, int dimensions, int k) {
        var pixels = features(images);
        var projection = PcaProjection.fit(pixels, dimensions);
        var x = projection.apply(pixels);
        var model = new KNN<>(new FlatNeighbourSearch(x), labels(images), k);
        return SmileClassifier.ofProjected(model, projection);
    }

    public static SmileClassifier decisionTree(List<LabelledImage> images, int maxDepth, int nodeSize) {
        var properties = new Properties();
        properties.setProperty("smile.cart.max_depth", String.valueOf(maxDepth));
        properties.setProperty("smile.cart.node_size", String.valueOf(nodeSize));
        var pixels = pixelColumns(images);
        var tree = DecisionTree.fit(Formula.lhs(LABEL), withLabels(pixels, images), properties);
        return SmileClassifier.ofTable(tree, pixels.schema());
    }

    /**
     * Smile's forest with its own defaults for everything but the trees and {@code mtry} (Gini splits, 20 levels,
     * leaves of 5 images, a node cap of a fifth of the images, bootstrap samples as large as the data). Smile
     * grows the trees on the common pool's threads, each drawing from its thread's own random generator, which a
     * seed set on the calling thread does not reach: the same seed grew another forest on every run. So each tree
     * gets its own seed, drawn from the run's (Smile seeds a tree's thread only with seeds above 1).
     */
    public static SmileClassifier randomForest(List<LabelledImage> images, int trees, int mtry, long seed) {
        var pixels = pixelColumns(images);
        var data = withLabels(pixels, images);
        var treeSeeds = new SplittableRandom(seed).longs(2, Long.MAX_VALUE);
        var forest = RandomForest.fit(Formula.lhs(LABEL), data, trees, mtry, SplitRule.GINI, 20, data.size() / 5, 5, 1.0,
                null, treeSeeds);
        return SmileClassifier.ofTable(forest, pixels.schema());
    }

    private static double[][] features(List<LabelledImage> images) {
        return images.stream().map(image -> SmileClassifier.features(image.pixels())).toArray(double[][]::new);
    }

    private static int[] labels(List<LabelledImage> images) {
        return images.stream().mapToInt(LabelledImage::label).toArray();
    }

    private static DataFrame pixelColumns(List<LabelledImage> images) {
        var names = IntStream.range(0, LabelledImage.PIXELS).mapToObj(i -> "p" + i).toArray(String[]::new);
        return DataFrame.of(features(images), names);
    }

    private static DataFrame withLabels(DataFrame pixels, List<LabelledImage> images) {
        return pixels.merge(IntVector.of(LABEL, labels(images)));
    }
}
