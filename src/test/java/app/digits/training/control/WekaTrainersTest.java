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
import app.digits.dataset.entity.LabelledImage;
import java.util.ArrayList;
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

    /**
     * A forest trained on MNIST holds trees 30 to 40 levels deep, whose Java serialization nests about twice as
     * deep: more than the store's reading once allowed, so every forest the default job saved could not be served
     * or analysed once it had left memory. Here one pixel's grey levels alternate between two digits, so each
     * split peels one level off and the trees are a chain over a hundred levels deep.
     */
    @Test
    void aForestOfVeryDeepTreesSurvivesTheStore() throws IOException {
        var images = new ArrayList<LabelledImage>();
        for (int level = 0; level < 256; level++) {
            var pixels = new byte[LabelledImage.PIXELS];
            pixels[0] = (byte) level;
            images.add(new LabelledImage(level % 2, pixels));
        }
        var forest = WekaTrainers.randomForest(images, 2, 7);
        var probe = images.get(101).pixels();
        var probabilities = forest.probabilities(probe);
        assertEquals(1.0, probabilities[1], "a tree that has seen the level knows its digit");
        var store = new ModelStore(models);
        var saved = store.save(forest, TestModels.model("weka", Map.of(), TestModels.scores(100, 0.9, new int[10][10], null)));
        assertArrayEquals(probabilities, store.load(saved).probabilities(probe), 0);
    }
}
