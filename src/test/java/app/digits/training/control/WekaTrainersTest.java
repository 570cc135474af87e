package app.digits.training.control;

import app.digits.registry.entity.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WekaTrainersTest {

    @TempDir
    Path models;

    private void assertLearnsAndSurvivesTheStore(DigitClassifier classifier) throws IOException {
        var report = Evaluation.evaluate(classifier, Bands.of(10, 2));
        assertTrue(report.accuracy() > 0.9, "accuracy " + report.accuracy());
        var probe = Bands.of(1, 3).get(6).pixels();
        var probabilities = classifier.probabilities(probe);
        assertEquals(10, probabilities.length);
        assertEquals(1.0, Arrays.stream(probabilities).sum(), 1e-6);
        var store = new ModelStore(models);
        var saved = store.save(classifier, TestModels.model("weka", Map.of(), TestModels.scores(100, 0.9, new int[10][10], null)));
        assertArrayEquals(probabilities, store.load(saved).probabilities(probe), 1e-12);
    }

    @Test
    void j48LearnsSeparableDigits() throws IOException {
        assertLearnsAndSurvivesTheStore(WekaTrainers.j48(Bands.of(20, 1), 0.25, 2));
    }

    @Test
    void wekasRandomForestLearnsSeparableDigits() throws IOException {
        assertLearnsAndSurvivesTheStore(WekaTrainers.randomForest(Bands.of(20, 1), 20, 7));
    }
}
