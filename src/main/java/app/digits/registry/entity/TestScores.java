package app.digits.registry.entity;

import java.util.Base64;

/**
 * How a model did on the MNIST test set: accuracy, macro F1, the confusion matrix (true digit first), which
 * test images it got right as a base64 bit set in test-set order (for significance tests between models),
 * its answer for each test image as base64 bytes (for the gallery of mistakes), and its median
 * single-prediction latency.
 */
public record TestScores(int images, double accuracy, double macroF1, int[][] confusion, String correct, String predictions,
                         double medianLatencyMicros) {

    /** The predicted digit of each test image, in test-set order, or none for models scored before they were kept. */
    public byte[] predictedDigits() {
        return predictions == null ? new byte[0] : Base64.getDecoder().decode(predictions);
    }
}
