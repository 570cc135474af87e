package app.digits.registry.control;

import app.digits.registry.entity.GridPoint;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ModelFile;
import app.digits.registry.entity.TestScores;
import app.digits.registry.entity.TrainingFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sidecar as models trained before descriptors had parts wrote it: every field at the top level, and the
 * number of people's drawings among the hyperparameters. Read only, so that installed models keep serving. Public
 * only because JSON-B binds records through public lookups.
 */
public record FlatSidecar(String id, String algorithm, String library, Map<String, String> parameters, String trainedAt,
                   int trainingImages, double trainingSeconds, int testImages, double testAccuracy, double macroF1,
                   int[][] confusion, String testCorrect, double medianLatencyMicros, String file, long fileBytes, String sha256,
                   String runId, List<GridPoint> gridSearch, String gridAxis, String testPredictions) {

    private static final String DRAWINGS = "peoplesDrawings";

    /** Whether a sidecar's top-level names are this old layout's. */
    static boolean isFlat(jakarta.json.JsonObject sidecar) {
        return sidecar.containsKey("testAccuracy");
    }

    ModelDescriptor toDescriptor() {
        var hyperparameters = new HashMap<>(parameters == null ? Map.<String, String>of() : parameters);
        var drawings = hyperparameters.remove(DRAWINGS);
        return new ModelDescriptor(id, algorithm, library,
                new TrainingFacts(runId, trainedAt, hyperparameters, trainingImages,
                        drawings == null ? 0 : Integer.parseInt(drawings), 0, trainingSeconds, gridSearch, gridAxis, List.of()),
                new TestScores(testImages, testAccuracy, macroF1, confusion, testCorrect, testPredictions, medianLatencyMicros),
                new ModelFile(file, fileBytes, sha256));
    }
}
