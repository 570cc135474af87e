package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.Epoch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmileMlpTrainerTest {

    /** Ten well separated classes: digit d lights row band d, with noise elsewhere. */
    static List<LabelledImage> bands(int perClass, long seed) {
        var random = new Random(seed);
        var images = new ArrayList<LabelledImage>();
        for (int n = 0; n < perClass; n++) {
            for (int digit = 0; digit < 10; digit++) {
                var pixels = new byte[784];
                for (int i = 0; i < 784; i++) {
                    int row = i / 28;
                    boolean band = row >= 2 + digit * 2 && row < 4 + digit * 2;
                    pixels[i] = (byte) (band ? 150 + random.nextInt(100) : random.nextInt(60));
                }
                images.add(new LabelledImage(digit, pixels));
            }
        }
        return images;
    }

    private static final SmileMlpTrainer.Settings SETTINGS = new SmileMlpTrainer.Settings(32, 3, 16, 0.05, 0.9);

    @Test
    void learnsSeparableClassesAndScoresThemOnUnseenImages() {
        var epochs = new ArrayList<Epoch>();
        var classifier = SmileMlpTrainer.train(bands(30, 1), SETTINGS, 7, (epoch, of) -> {
            assertEquals(3, of);
            epochs.add(epoch);
        });

        assertEquals(List.of(1, 2, 3), epochs.stream().map(Epoch::epoch).toList(), "every epoch is reported, in order");
        assertTrue(epochs.stream().allMatch(e -> e.trainingLoss() > 0 && Double.isFinite(e.trainingLoss())), epochs.toString());
        assertTrue(epochs.getLast().trainingLoss() < epochs.getFirst().trainingLoss() || epochs.getFirst().trainingLoss() < 0.05,
                "the loss falls: " + epochs);
        assertTrue(epochs.getLast().validationAccuracy() > 0.9, "held-out accuracy: " + epochs);
        var report = Evaluation.evaluate(classifier, bands(10, 2));
        assertTrue(report.accuracy() > 0.95);
        assertEquals(100, report.confusion().total());
        assertEquals(report.accuracy() == 1.0, java.util.stream.IntStream.range(0, 100).allMatch(i -> report.right()[i]));
        assertTrue(report.medianLatencyMicros() > 0);
        var probabilities = classifier.probabilities(bands(1, 3).get(4).pixels());
        assertEquals(1.0, java.util.Arrays.stream(probabilities).sum(), 1e-6);
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        var probe = bands(1, 9).get(0).pixels();
        var first = SmileMlpTrainer.train(bands(10, 1), SETTINGS, 7, Learner.Progress.NONE);
        var second = SmileMlpTrainer.train(bands(10, 1), SETTINGS, 7, Learner.Progress.NONE);
        assertArrayEquals(first.probabilities(probe), second.probabilities(probe), 1e-12);
    }
}
