package app.digits.registry.entity;

import java.util.Map;

/**
 * The JSON sidecar of a model file: what it is, how it was trained and how well it did on the MNIST test
 * set, and the SHA-256 of the model file, checked before the file is deserialized.
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
        String file,
        String sha256) {

    public ModelDescriptor withFile(String file, String sha256) {
        return new ModelDescriptor(id, algorithm, library, parameters, trainedAt, trainingImages, trainingSeconds,
                testImages, testAccuracy, file, sha256);
    }
}
