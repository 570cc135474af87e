package app.digits.training.control;

import app.digits.registry.entity.DigitClassifier;
import java.util.ArrayList;
import java.util.stream.IntStream;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The one adapter between Weka and serving. Weka classifies rows of a dataset whose columns it knows, so the
 * adapter keeps the empty dataset header (784 numeric pixel attributes scaled to [0, 1], then the nominal
 * digit) and builds one row per prediction; the model's class distribution is the ten probabilities. Weka's
 * trees only read at prediction time, so one instance serves concurrent requests.
 */
public final class WekaClassifier implements DigitClassifier {

    private static final long serialVersionUID = 1L;

    private final Classifier model;
    private final Instances header;

    WekaClassifier(Classifier model, Instances header) {
        this.model = model;
        this.header = header;
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        var row = new DenseInstance(1.0, values(pixels, 0));
        row.setDataset(header);
        row.setMissing(header.classIndex());
        try {
            return model.distributionForInstance(row);
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not classify the image: " + e.getMessage(), e);
        }
    }

    /** The empty dataset Weka models are trained on and read rows with: pixels p0..p783, then the digit. */
    static Instances header(int capacity) {
        var attributes = new ArrayList<Attribute>();
        IntStream.range(0, app.digits.dataset.entity.LabelledImage.PIXELS).forEach(i -> attributes.add(new Attribute("p" + i)));
        attributes.add(new Attribute("digit", IntStream.range(0, 10).mapToObj(String::valueOf).toList()));
        var header = new Instances("mnist", attributes, capacity);
        header.setClassIndex(attributes.size() - 1);
        return header;
    }

    /** One row: the grey levels scaled to [0, 1], then the digit. */
    static double[] values(byte[] pixels, int label) {
        var values = new double[pixels.length + 1];
        var features = SmileClassifier.features(pixels);
        System.arraycopy(features, 0, values, 0, features.length);
        values[pixels.length] = label;
        return values;
    }
}
