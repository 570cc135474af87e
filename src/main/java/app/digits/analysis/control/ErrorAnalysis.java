package app.digits.analysis.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a model gets right and wrong on the MNIST test set: an extract of right answers, an extract of wrong
 * ones with the model's confidence in its wrong answer (most confident first: those are the instructive
 * ones), each digit's recall, the digit it gets wrong most, and the pairs it confuses most (true digit read
 * as another), from its confusion matrix.
 */
public record ErrorAnalysis(ModelDescriptor model, List<Example> right, List<Example> wrong, double[] recall, int worstDigit,
                            List<Confusion> confusions) {

    /** A test image with what the model said and how sure it was. */
    public record Example(int index, LabelledImage image, int predicted, double confidence) {
    }

    /** How often a true digit was read as another. */
    public record Confusion(int actual, int predicted, int count) {

        /** The pair in ascending order, for the explanation of why the two look alike ({@code 4-9}). */
        public String pair() {
            return Math.min(actual, predicted) + "-" + Math.max(actual, predicted);
        }
    }

    /**
     * Analyses {@code model} on {@code test} (the test set in the order it was scored), taking its answers
     * from the sidecar and asking {@code classifier} for the confidence of the wrong ones.
     */
    public static ErrorAnalysis of(ModelDescriptor model, List<LabelledImage> test, DigitClassifier classifier, int examples) {
        var predictions = model.test().predictedDigits();
        var right = new ArrayList<Example>();
        var wrong = new ArrayList<Example>();
        for (int i = 0; i < Math.min(predictions.length, test.size()); i++) {
            var image = test.get(i);
            if (predictions[i] == image.label() && right.size() < examples) {
                right.add(new Example(i, image, predictions[i], Double.NaN));
            } else if (predictions[i] != image.label()) {
                var probabilities = classifier.probabilities(image.pixels());
                wrong.add(new Example(i, image, predictions[i], probabilities[predictions[i]]));
            }
        }
        wrong.sort(Comparator.comparingDouble(Example::confidence).reversed());
        var confusion = model.test().confusion();
        var recall = new double[10];
        int worst = 0;
        var confusions = new ArrayList<Confusion>();
        for (int actual = 0; actual < 10; actual++) {
            int support = 0;
            for (int predicted = 0; predicted < 10; predicted++) {
                support += confusion[actual][predicted];
                if (predicted != actual && confusion[actual][predicted] > 0) {
                    confusions.add(new Confusion(actual, predicted, confusion[actual][predicted]));
                }
            }
            recall[actual] = support == 0 ? 0 : (double) confusion[actual][actual] / support;
            worst = recall[actual] < recall[worst] ? actual : worst;
        }
        confusions.sort(Comparator.comparingInt(Confusion::count).reversed());
        return new ErrorAnalysis(model, List.copyOf(right), List.copyOf(wrong.subList(0, Math.min(examples, wrong.size()))),
                recall, worst, List.copyOf(confusions.subList(0, Math.min(5, confusions.size()))));
    }
}
