package app.digits.training.control;

import app.digits.registry.entity.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmileTrainersTest {

    @TempDir
    Path models;

    private static void assertLearns(SmileClassifier classifier) {
        var report = Evaluation.evaluate(classifier, Bands.of(10, 2));
        assertTrue(report.accuracy() > 0.9, "accuracy " + report.accuracy());
        var probabilities = classifier.probabilities(Bands.of(1, 3).get(6).pixels());
        assertEquals(1.0, Arrays.stream(probabilities).sum(), 1e-6);
    }

    @Test
    void aDecisionTreeLearnsSeparableDigits() {
        assertLearns(SmileTrainers.decisionTree(Bands.of(20, 1), 20, 5));
    }

    @Test
    void aRandomForestLearnsSeparableDigitsAndSurvivesTheModelStore() throws IOException {
        var forest = SmileTrainers.randomForest(Bands.of(20, 1), 10, 28, 7);
        assertLearns(forest);

        var store = new ModelStore(models);
        var saved = store.save(forest, TestModels.model("forest", Map.of(), TestModels.scores(100, 0.9, new int[10][10], null)));
        var probe = Bands.of(1, 5).get(3).pixels();
        assertArrayEquals(forest.probabilities(probe), store.load(saved).probabilities(probe), 1e-12);
    }

    @Test
    void aRandomForestGrowsTheSameTreesTwiceWithTheSameSeedAndOthersWithAnother() {
        var images = Bands.of(20, 1);
        var first = SmileTrainers.randomForest(images, 10, 28, 7);
        var second = SmileTrainers.randomForest(images, 10, 28, 7);
        var other = SmileTrainers.randomForest(images, 10, 28, 8);
        var noise = new Random(3);
        int differentWithAnotherSeed = 0;
        for (int n = 0; n < 50; n++) {
            var probe = new byte[LabelledImage.PIXELS];
            noise.nextBytes(probe);
            assertArrayEquals(first.probabilities(probe), second.probabilities(probe), 0, "probe " + n);
            differentWithAnotherSeed += Arrays.equals(first.probabilities(probe), other.probabilities(probe)) ? 0 : 1;
        }
        assertTrue(differentWithAnotherSeed > 0, "another seed grew the same forest");
    }

    @Test
    void anSvmOnPcaFeaturesLearnsSeparableDigits() {
        assertLearns(SmileTrainers.svm(Bands.of(20, 1), 20, 10, 0.05, 42));
    }

    @Test
    void anSvmFitsTheSameModelTwiceWithTheSameSeed() {
        var images = Bands.of(30, 4);
        var first = SmileTrainers.svm(images, 20, 1, 0.05, 42);
        var second = SmileTrainers.svm(images, 20, 1, 0.05, 42);
        for (var probe : Bands.of(3, 9)) {
            assertArrayEquals(first.probabilities(probe.pixels()), second.probabilities(probe.pixels()), 0);
        }
    }

    @Test
    void nearestNeighboursOnPcaFeaturesLearnSeparableDigits() {
        assertLearns(SmileTrainers.knn(Bands.of(20, 1), 20, 3));
    }

    @Test
    void pcaDimensionsOutsideThePixelCountAreRefused() {
        assertEquals(TrainingException.Kind.INVALID, org.junit.jupiter.api.Assertions.assertThrows(TrainingException.class,
                () -> SmileTrainers.knn(Bands.of(5, 1), 0, 3)).kind());
    }
}
