package app.digits.training.control;

import java.io.Serializable;
import smile.feature.extraction.PCA;

/**
 * Principal components of the training pixels, for the models that work better (and much faster) on a few
 * dozen PCA features than on 784 grey levels: the SVM and k-nearest neighbours. Fitted with Smile on at most
 * {@value #FIT_IMAGES} images (enough to estimate a 784x784 covariance), then kept as plain arrays so it
 * serializes with the model and projects without Smile's matrix types.
 */
final class PcaProjection implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int FIT_IMAGES = 10_000;

    private final double[] centre;
    private final double[][] components;

    private PcaProjection(double[] centre, double[][] components) {
        this.centre = centre;
        this.components = components;
    }

    /** The first {@code dimensions} principal components of {@code features} (one row per image). */
    static PcaProjection fit(double[][] features, int dimensions) {
        if (dimensions < 1 || dimensions > features[0].length) {
            throw TrainingException.invalid(
                    "PCA dimensions must be between 1 and " + features[0].length + ", got " + dimensions);
        }
        if (dimensions > features.length) {
            // Components beyond the number of images span directions in which the images do not vary at all.
            throw TrainingException.invalid("PCA of " + dimensions + " dimensions needs at least as many images, got " + features.length);
        }
        var sample = features.length <= FIT_IMAGES ? features : java.util.Arrays.copyOf(features, FIT_IMAGES);
        var pca = PCA.fit(sample).getProjection(dimensions);
        return new PcaProjection(pca.center(), pca.projection.toArray());
    }

    int dimensions() {
        return components.length;
    }

    double[] apply(double[] features) {
        var projected = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            var component = components[c];
            double sum = 0;
            for (int i = 0; i < component.length; i++) {
                sum += component[i] * (features[i] - centre[i]);
            }
            projected[c] = sum;
        }
        return projected;
    }

    double[][] apply(double[][] features) {
        var projected = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            projected[i] = apply(features[i]);
        }
        return projected;
    }
}
