package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.TestModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XgboostTrainersTest {

    @TempDir
    Path models;

    @Test
    void boostedTreesLearnSeparableDigitsAndSurviveTheModelStore() throws IOException {
        var classifier = XgboostTrainers.boostedTrees(Bands.of(20, 1), new XgboostTrainers.BoostingSettings(5, 0.3, 3), 7);
        var report = Evaluation.evaluate(classifier, Bands.of(10, 2));
        assertTrue(report.accuracy() > 0.9, "accuracy " + report.accuracy());

        var probes = Bands.of(1, 3).stream().map(image -> image.pixels()).toList();
        var probabilities = classifier.probabilities(probes.get(6));
        assertEquals(10, probabilities.length);
        assertEquals(1.0, Arrays.stream(probabilities).sum(), 1e-5);
        assertEquals(6, DigitClassifier.mostLikely(probabilities));

        var store = new ModelStore(models);
        var saved = store.save(classifier, TestModels.model("xgboost", Map.of(), TestModels.scores(100, 0.9, new int[10][10], null)));
        var loaded = store.load(saved);
        assertArrayEquals(probabilities, loaded.probabilities(probes.get(6)), 1e-12);
        assertEquals(List.of(), loaded.probabilities(List.<byte[]>of()));
        var batch = loaded.probabilities(probes);
        for (int digit = 0; digit < 10; digit++) {
            assertArrayEquals(classifier.probabilities(probes.get(digit)), batch.get(digit), 1e-6, "image " + digit + " of the batch");
        }
    }

    @Test
    void outOfBoundsSettingsAreRefusedWhenTheRunIsOrdered() {
        var refused = assertThrows(TrainingException.class,
                () -> Algorithm.BOOSTED_TREES.settings(new Hyperparameters(Map.of("maxDepth", "40"))));
        assertEquals(TrainingException.Kind.INVALID, refused.kind());
        assertEquals("maxDepth must be between 1 and 16, got 40", refused.getMessage());
    }
}
