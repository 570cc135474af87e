package app.digits.robustness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.robustness.entity.SetScore;
import app.digits.training.control.Learner;
import app.digits.training.control.Algorithm;
import app.digits.training.control.Hyperparameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small slice of the benchmark run end to end, as CI runs it: a real (small) MLP trained on 3,000 MNIST
 * training images, every set generated and read through the server's pipeline. It checks the pipeline, not
 * a figure: every set is there with its counts and sane accuracies, and a classifier that always answers the
 * same digit scores what that digit's share says.
 */
class RobustnessBenchmarkTest {

    private static final RobustnessBenchmark.Settings SETTINGS = new RobustnessBenchmark.Settings(30, 10, 3);
    private static DigitClassifier mlp;

    @BeforeAll
    static void train() {
        mlp = Algorithm.MLP.settings(new Hyperparameters(Map.of("hiddenUnits", "64", "epochs", "4", "batchSize", "32")))
                .fit(MnistTestSet.training(3000), 7, Learner.Progress.NONE);
    }

    @Test
    void everyModelGetsEverySetWithItsCountsAndAccuracies() {
        var sevens = (DigitClassifier) pixels -> {
            var probabilities = new double[10];
            probabilities[7] = 1;
            return probabilities;
        };
        var classifiers = new LinkedHashMap<String, DigitClassifier>();
        classifiers.put("mlp", mlp);
        classifiers.put("always-7", sevens);
        var measured = new ArrayList<RobustnessSet>();

        var scores = RobustnessBenchmark.measure(classifiers, MnistTestSet.images(), SETTINGS,
                new Pipeline(2_000_000, 4_000_000), measured::add);

        var everySet = List.of(RobustnessSet.values());
        assertEquals(2 * everySet.size(), measured.size(), "each set once per model, one model after the other");
        assertEquals(everySet, measured.subList(0, everySet.size()));
        assertEquals(everySet, measured.subList(everySet.size(), measured.size()));
        assertEquals(List.of("mlp", "always-7"), List.copyOf(scores.keySet()));
        for (var modelScores : scores.values()) {
            assertEquals(Arrays.stream(RobustnessSet.values()).map(RobustnessSet::key).toList(),
                    modelScores.stream().map(SetScore::set).toList());
            for (var score : modelScores) {
                boolean numbers = score.set().startsWith("numbers");
                assertEquals(numbers ? 10 : 30, score.count(), score.set());
                assertTrue(score.accuracy() >= 0 && score.accuracy() <= 1, score.set());
                assertTrue(score.blank() >= 0 && score.correct() + score.blank() <= score.count(), score.set());
            }
        }
        var mlpScores = scores.get("mlp");
        assertTrue(byKey(mlpScores, "mnist").accuracy() >= 0.7, "a real model reads raw MNIST digits");
        assertTrue(byKey(mlpScores, "as-sent").accuracy() >= 0.7, "and the same digits decoded from PNG by the pipeline");
        long sevensAmongSources = java.util.stream.IntStream.range(0, 30)
                .filter(i -> RobustnessSets.source(MnistTestSet.images(), SETTINGS.seed(), i).label() == 7).count();
        var sevensScore = byKey(scores.get("always-7"), "mnist");
        assertEquals(sevensAmongSources, sevensScore.correct());
        assertEquals(0, byKey(scores.get("always-7"), "numbers-apart").correct(), "no number is all sevens here");
    }

    @Test
    void aNumberIsRightOnlyWhenEveryDigitIsReadInOrder() {
        var ones = (DigitClassifier) pixels -> {
            var probabilities = new double[10];
            probabilities[1] = 1;
            return probabilities;
        };
        var three = new byte[784];
        assertEquals("111", RobustnessBenchmark.read(ones, List.of(three, three, three)));
        assertEquals("", RobustnessBenchmark.read(ones, List.of()));
    }

    private static SetScore byKey(List<SetScore> scores, String key) {
        return scores.stream().filter(score -> score.set().equals(key)).findFirst().orElseThrow();
    }
}
