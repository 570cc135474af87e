package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.TestScores;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;

/**
 * Scores a classifier on labelled images, one prediction at a time as serving does: the confusion matrix
 * (and from it accuracy and F1), which images it got right (for McNemar's test against another model on the
 * same images), what it answered for each (for the gallery of mistakes), and the median time of a single
 * prediction.
 */
public final class Evaluation {

    /** What a scoring run found. */
    public record Report(ConfusionMatrix confusion, boolean[] right, byte[] predictions, double medianLatencyMicros) {

        public double accuracy() {
            return confusion.accuracy();
        }

        /** Which images were right, as a base64 bit set in image order (compact enough for a sidecar). */
        public String rightAsBase64() {
            var bits = new BitSet(right.length);
            for (int i = 0; i < right.length; i++) {
                bits.set(i, right[i]);
            }
            return Base64.getEncoder().encodeToString(bits.toByteArray());
        }

        /** The predicted digit of each image, one byte each, in base64. */
        public String predictionsAsBase64() {
            return Base64.getEncoder().encodeToString(predictions);
        }

        /** What a model's descriptor keeps of this report. */
        public TestScores scores() {
            return new TestScores(right.length, accuracy(), confusion.macroF1(), confusion.counts(), rightAsBase64(),
                    predictionsAsBase64(), medianLatencyMicros);
        }
    }

    private Evaluation() {
    }

    public static Report evaluate(DigitClassifier classifier, List<LabelledImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Cannot score a classifier on no images");
        }
        var confusion = new ConfusionMatrix();
        var right = new boolean[images.size()];
        var predictions = new byte[images.size()];
        var nanos = new long[images.size()];
        for (int i = 0; i < images.size(); i++) {
            var image = images.get(i);
            long start = System.nanoTime();
            int predicted = DigitClassifier.mostLikely(classifier.probabilities(image.pixels()));
            nanos[i] = System.nanoTime() - start;
            confusion.add(image.label(), predicted);
            right[i] = predicted == image.label();
            predictions[i] = (byte) predicted;
        }
        Arrays.sort(nanos);
        return new Report(confusion, right, predictions, nanos[nanos.length / 2] / 1000.0);
    }

    /** The bits written by {@link Report#rightAsBase64()}, back as booleans. */
    public static boolean[] rightFromBase64(String base64, int images) {
        var bits = BitSet.valueOf(Base64.getDecoder().decode(base64));
        var right = new boolean[images];
        for (int i = 0; i < images; i++) {
            right[i] = bits.get(i);
        }
        return right;
    }
}
