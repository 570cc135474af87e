package app.digits.registry.entity;

/**
 * The JSON sidecar of a model file, in three parts: what it is (id, algorithm, library), how it was trained
 * ({@link TrainingFacts}), how it did on the MNIST test set ({@link TestScores}), and the stored file with its
 * checksum ({@link ModelFile}), checked before the file is deserialized. Training builds it once a model is
 * scored; the registry completes it with the file when it saves the model.
 */
public record ModelDescriptor(String id, String algorithm, String library, TrainingFacts training, TestScores test,
                              ModelFile file) {

    public ModelDescriptor withFile(ModelFile stored) {
        return new ModelDescriptor(id, algorithm, library, training, test, stored);
    }
}
