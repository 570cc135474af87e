package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import smile.classification.DecisionTree;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Smile's classical classifiers on MNIST: multinomial logistic regression on the 784 grey levels, and a
 * decision tree or a random forest on a data frame with one column per pixel. Each returns the Smile adapter,
 * ready to score and serve. Seeded where the algorithm draws at random.
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

    public static SmileClassifier decisionTree(List<LabelledImage> images, int maxDepth) {
        var properties = new Properties();
        properties.setProperty("smile.cart.max_depth", String.valueOf(maxDepth));
        var pixels = pixelColumns(images);
        var tree = DecisionTree.fit(Formula.lhs(LABEL), withLabels(pixels, images), properties);
        return SmileClassifier.ofTable(tree, pixels.schema());
    }

    public static SmileClassifier randomForest(List<LabelledImage> images, int trees, long seed) {
        var properties = new Properties();
        properties.setProperty("smile.random_forest.trees", String.valueOf(trees));
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
