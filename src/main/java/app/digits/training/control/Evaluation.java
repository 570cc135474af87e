package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.TestScores;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;

/**
 * Scores a classifier on labelled images: the confusion matrix (and from it accuracy and F1), which images it
 * got right (for McNemar's test against another model on the same images), what it answered for each (for the
 * gallery of mistakes), and the median time of a single prediction. The latency is timed on the first
 * {@value #LATENCY_SAMPLE} images, read one at a time on one thread as a lone request is; the others are read
 * on every core ({@link ParallelReading}), which halves the default job's scoring.
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

    static final int LATENCY_SAMPLE = 1_000;

    private Evaluation() {
    }

    public static Report evaluate(DigitClassifier classifier, List<LabelledImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Cannot score a classifier on no images");
        }
        int timed = Math.min(LATENCY_SAMPLE, images.size());
        var nanos = new long[timed];
        var predictions = new byte[images.size()];
        for (int i = 0; i < timed; i++) {
            long start = System.nanoTime();
            predictions[i] = (byte) DigitClassifier.mostLikely(classifier.probabilities(images.get(i).pixels()));
            nanos[i] = System.nanoTime() - start;
        }
        var rest = ParallelReading.digits(classifier, images, timed);
        System.arraycopy(rest, 0, predictions, timed, rest.length);
        var confusion = new ConfusionMatrix();
        var right = new boolean[images.size()];
        for (int i = 0; i < images.size(); i++) {
            int label = images.get(i).label();
            confusion.add(label, predictions[i]);
            right[i] = predictions[i] == label;
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
