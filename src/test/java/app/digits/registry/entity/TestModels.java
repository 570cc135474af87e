package app.digits.registry.entity;

import java.util.List;
import java.util.Map;

/** Descriptors of models that were never trained, for tests of what reads descriptors. */
public final class TestModels {

    private TestModels() {
    }

    /** A model with these hyperparameters and scores, trained in run {@code run} on 10 images in 1.5 s, not yet saved. */
    public static ModelDescriptor model(String id, Map<String, String> hyperparameters, TestScores scores) {
        return new ModelDescriptor(id, "MLP", "Smile", new TrainingFacts("run", "2026-01-01T00:00:00Z", hyperparameters, 10, 0, 0, 1.5,
                List.of(), null, List.of()), scores, null);
    }

    /** Scores on {@code images} test images: macro F1 0.4, 12.5 µs per prediction. */
    public static TestScores scores(int images, double accuracy, int[][] confusion, String predictions) {
        return new TestScores(images, accuracy, 0.4, confusion, "AQ", predictions, 12.5);
    }
}
