package app.digits.training.control;

import app.digits.registry.entity.DigitClassifier;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * The one adapter between Smile and serving. It scales grey levels to [0, 1] the same way in training and
 * prediction, and reads each model's posterior probabilities (a model without them gets all the weight on
 * its answer). Smile's models come in two shapes: vector models (MLP, logistic regression) take the 784
 * values as they are; table models (decision tree, random forest) take a row of a data frame, so the
 * adapter keeps the column schema they were trained with. Vector models may see PCA features instead of
 * pixels (the SVM and k-nearest neighbours): the adapter then carries the projection. Smile keeps per-call
 * buffers thread-local, so one instance serves concurrent requests.
 */
public final class SmileClassifier implements DigitClassifier {

    private static final long serialVersionUID = 3L;

    private final Classifier<double[]> vectorModel;
    private final DataFrameClassifier tableModel;
    private final StructType columns;
    private final PcaProjection projection;

    private SmileClassifier(Classifier<double[]> vectorModel, DataFrameClassifier tableModel, StructType columns,
                            PcaProjection projection) {
        this.vectorModel = vectorModel;
        this.tableModel = tableModel;
        this.columns = columns;
        this.projection = projection;
    }

    static SmileClassifier ofVectors(Classifier<double[]> model) {
        return new SmileClassifier(model, null, null, null);
    }

    static SmileClassifier ofProjected(Classifier<double[]> model, PcaProjection projection) {
        return new SmileClassifier(model, null, null, projection);
    }

    static SmileClassifier ofTable(DataFrameClassifier model, StructType columns) {
        return new SmileClassifier(null, model, columns, null);
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        var features = features(pixels);
        var probabilities = new double[10];
        if (vectorModel != null) {
            answer(vectorModel, projection == null ? features : projection.apply(features), probabilities);
        } else {
            answer(tableModel, Tuple.of(features, columns), probabilities);
        }
        return probabilities;
    }

    private static <T> void answer(Classifier<T> model, T input, double[] probabilities) {
        if (model.soft()) {
            model.predict(input, probabilities);
        } else {
            probabilities[model.predict(input)] = 1;
        }
    }

    static double[] features(byte[] pixels) {
        var features = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = (pixels[i] & 0xFF) / 255.0;
        }
        return features;
    }
}
