package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import smile.classification.DecisionTree;
import smile.classification.KNN;
import smile.classification.LogisticRegression;
import smile.classification.OneVersusOne;
import smile.classification.RandomForest;
import smile.classification.SVM;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.math.distance.EuclideanDistance;
import smile.math.kernel.GaussianKernel;
import smile.neighbor.LinearSearch;

/**
 * Smile's classical classifiers on MNIST: multinomial logistic regression on the 784 grey levels, a decision
 * tree or a random forest on a data frame with one column per pixel, and an RBF-kernel SVM (one versus one)
 * or k-nearest neighbours (exhaustive search, faster than a cover tree in 50 dimensions) on PCA features.
 * Each returns the Smile adapter, ready to score and serve. Seeded where the algorithm draws at random.
 */
public final class SmileTrainers {

    private static final String LABEL = "digit";

    private SmileTrainers() {
    }

    public static SmileClassifier logisticRegression(List<LabelledImage> images, double lambda) {
        var x = features(images);
        var y = labels(images);
        return SmileClassifier.ofVectors(LogisticRegression.fit(x, y, lambda, 1e-5, 500));
    }

    /** An SVM with the Gaussian kernel exp(-gamma |x - y|^2) on {@code dimensions} principal components. */
    public static SmileClassifier svm(List<LabelledImage> images, int dimensions, double c, double gamma) {
        var pixels = features(images);
        var projection = PcaProjection.fit(pixels, dimensions);
        var x = projection.apply(pixels);
        var kernel = new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
        var model = OneVersusOne.fit(x, labels(images), (xi, yi) -> SVM.fit(xi, yi, kernel, c, 1e-3));
        return SmileClassifier.ofProjected(model, projection);
    }

    /** k-nearest neighbours (Euclidean, majority vote) on {@code dimensions} principal components. */
    public static SmileClassifier knn(List<LabelledImage> images, int dimensions, int k) {
        var pixels = features(images);
        var projection = PcaProjection.fit(pixels, dimensions);
        var x = projection.apply(pixels);
        var model = new KNN<>(LinearSearch.of(x, new EuclideanDistance()), labels(images), k);
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

    public static SmileClassifier randomForest(List<LabelledImage> images, int trees, int mtry, long seed) {
        var properties = new Properties();
        properties.setProperty("smile.random_forest.trees", String.valueOf(trees));
        properties.setProperty("smile.random_forest.mtry", String.valueOf(mtry));
        MathEx.setSeed(seed);
        var pixels = pixelColumns(images);
        var forest = RandomForest.fit(Formula.lhs(LABEL), withLabels(pixels, images), properties);
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
