package app.digits.registry.entity;

import java.util.Map;

/**
 * The JSON sidecar of a model file: what it is, how it was trained, how well it did on the MNIST test set
 * (accuracy, macro F1, the confusion matrix, which test images it got right, as a base64 bit set in test-set
 * order, for significance tests between models), its median single-prediction latency, and the size and
 * SHA-256 of the model file, checked before the file is deserialized.
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
        String sha256) {

    public ModelDescriptor withFile(String file, long fileBytes, String sha256) {
        return new ModelDescriptor(id, algorithm, library, parameters, trainedAt, trainingImages, trainingSeconds,
                testImages, testAccuracy, macroF1, confusion, testCorrect, medianLatencyMicros, file, fileBytes, sha256);
    }
}
