package app.digits.registry.entity;

import java.util.List;
import java.util.Map;

/**
 * The JSON sidecar of a model file: what it is, how it was trained (chosen hyperparameters, the run, and the
 * grid search that chose them, with the axis to plot), how well it did on the MNIST test set (accuracy, macro
 * F1, the confusion matrix, which test images it got right as a base64 bit set in test-set order for
 * significance tests between models, and its answer for each test image as base64 bytes for the gallery of
 * mistakes), its median single-prediction latency, and the size and SHA-256 of the model file, checked
 * before the file is deserialized.
 */
public record ModelDescriptor(
        String id,
        String algorithm,
        String library,
        Map<String, String> parameters,
        String trainedAt,
        int trainingImages,
        double trainingSeconds,
        int testImages,
        double testAccuracy,
        double macroF1,
        int[][] confusion,
        String testCorrect,
        double medianLatencyMicros,
        String file,
        long fileBytes,
        String sha256,
        String runId,
        List<GridPoint> gridSearch,
        String gridAxis,
        String testPredictions) {

    public ModelDescriptor withFile(String file, long fileBytes, String sha256) {
        return new ModelDescriptor(id, algorithm, library, parameters, trainedAt, trainingImages, trainingSeconds,
                testImages, testAccuracy, macroF1, confusion, testCorrect, medianLatencyMicros, file, fileBytes, sha256,
                runId, gridSearch, gridAxis, testPredictions);
    }

    /** The predicted digit of each test image, in test-set order, or none for models scored before they were kept. */
    public byte[] predictions() {
        return testPredictions == null ? new byte[0] : java.util.Base64.getDecoder().decode(testPredictions);
    }
}
