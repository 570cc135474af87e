package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingRequestsTest {

    @Test
    void theDefaultRunTrainsTheDefaultJobsAlgorithmsOnTheirSmallGrid() {
        var plan = TrainingRequests.of(null, null, null, null, null, null, false, null);
        assertEquals(Algorithm.defaultJob(), plan.algorithms());
        assertEquals(Algorithm.GridSize.SMALL, plan.gridSize());
        assertEquals(3, plan.folds());
        assertEquals(5_000, plan.cvImages());
        assertEquals(42, plan.seed());
        var svm = plan.steps().get(plan.algorithms().indexOf(Algorithm.SVM));
        assertEquals(6, svm.grid().size());
        assertEquals("C", svm.grid().mainAxis());
        assertEquals(60_000, svm.trainingImages());
        assertEquals(20_000, plan.steps().get(plan.algorithms().indexOf(Algorithm.WEKA_J48)).trainingImages());
        assertEquals(60_000, plan.imagesNeeded());
    }

    @Test
    void theDefaultJobTrainsBoostedTreesInsteadOfSmilesForestWhichStaysSelectable() {
        var defaults = TrainingRequests.of(null, null, null, null, null, null, false, null).algorithms();
        assertTrue(defaults.contains(Algorithm.BOOSTED_TREES), defaults.toString());
        assertFalse(defaults.contains(Algorithm.RANDOM_FOREST), defaults.toString());
        assertEquals(List.of(Algorithm.RANDOM_FOREST),
                TrainingRequests.of(List.of("random-forest"), "none", null, null, null, null, false, null).algorithms());
    }

    @Test
    void aPlanIsStoredAsOneJsonObjectAndReadBackAsTheSameRecord() {
        var plan = TrainingRequests.of(List.of("knn", "svm", "knn", "cnn"), "large", Map.of("svm", "C=1,2;gamma=0.5", "cnn", "epochs=1"),
                4, 900, 1_000, true, 7L);
        assertEquals(List.of(Algorithm.KNN, Algorithm.SVM, Algorithm.CNN), plan.algorithms(), "repeated algorithms are trained once");
        assertEquals("pca=50;C=1,2;gamma=0.5", plan.steps().get(1).grid().toString());
        assertEquals("1", plan.steps().get(2).grid().axes().get("epochs").getFirst(), "a grid of one value fixes a setting");

        var json = plan.toJson();
        assertTrue(json.startsWith("{") && json.contains("\"gridSize\":\"LARGE\"") && json.contains("\"algorithm\":\"SVM\""), json);
        assertEquals(plan, TrainingPlan.fromJson(json));
    }

    @Test
    void aStoredPlanIsCheckedAgainWhenItIsReadBack() {
        var json = TrainingRequests.of(List.of("knn"), "none", null, null, null, 500, false, null).toJson();
        var tampered = assertThrows(TrainingException.class, () -> TrainingPlan.fromJson(json.replace("\"folds\":3", "\"folds\":1")));
        assertEquals(TrainingException.Kind.INVALID, tampered.kind());
        assertEquals("folds must be between 2 and 10, got 1", tampered.getMessage());
        assertEquals(TrainingException.Kind.INVALID, assertThrows(TrainingException.class,
                () -> TrainingPlan.fromJson(json.replace("\"k\":[\"3\"]", "\"k\":[\"0\"]"))).kind());
        assertEquals(TrainingException.Kind.INVALID, assertThrows(TrainingException.class, () -> TrainingPlan.fromJson("[1]")).kind());
    }

    @Test
    void outOfBoundsOrUnknownChoicesAreRefusedWithTheReason() {
        assertInvalid("Unknown algorithm 'perceptron'", () -> TrainingRequests.of(List.of("perceptron"), null, null, null, null, null, false, null));
        assertInvalid("Unknown grid size 'huge'", () -> TrainingRequests.of(null, "huge", null, null, null, null, false, null));
        assertInvalid("folds must be between 2 and 10, got 1", () -> TrainingRequests.of(null, null, null, 1, null, null, false, null));
        assertInvalid("cvImages must be between 100 and 60000, got 99", () -> TrainingRequests.of(null, null, null, null, 99, null, false, null));
        assertInvalid("trainingImages must be between 100 and 60000, got 70000",
                () -> TrainingRequests.of(null, null, null, null, null, 70_000, false, null));
        assertInvalid("SVM, RBF kernel on PCA features has no hyperparameter 'degree'",
                () -> TrainingRequests.of(List.of("svm"), null, Map.of("svm", "degree=3"), null, null, null, false, null));
        assertInvalid("Unknown algorithm 'nope'", () -> TrainingRequests.of(null, null, Map.of("nope", "a=1"), null, null, null, false, null));
    }

    @Test
    void everyGridPointMustMakeValidSettingsBeforeAnythingIsTrained() {
        assertInvalid("k must be between 1 and 100, got 0",
                () -> TrainingRequests.of(List.of("knn"), null, Map.of("knn", "k=0,3"), null, null, null, false, null));
        assertInvalid("pca must be between 1 and 784, got 900",
                () -> TrainingRequests.of(List.of("knn"), null, Map.of("knn", "pca=900"), null, null, null, false, null));
        assertInvalid("Hyperparameter epochs must be a whole number, got two",
                () -> TrainingRequests.of(List.of("mlp"), null, Map.of("mlp", "epochs=two"), null, null, null, false, null));
        assertInvalid("Hyperparameter augmentation must be one of [none, shifts, writing, settling, numbers], got wobbly",
                () -> TrainingRequests.of(List.of("cnn"), null, Map.of("cnn", "augmentation=wobbly"), null, null, null, false, null));
    }

    @Test
    void eachAlgorithmsDefaultsAreItsSettingsRecordsAndMakeItsDefaultGrid() {
        for (var algorithm : Algorithm.values()) {
            var defaults = algorithm.grid(Algorithm.GridSize.NONE);
            assertEquals(1, defaults.size(), algorithm + ": the defaults are one point");
            var settings = algorithm.settings(defaults.points().getFirst());
            assertEquals(defaults.points().getFirst(), settings.values(), algorithm + ": the point and the record say the same");
        }
        assertEquals(new SmileTrainers.SvmSettings(50, 10, 0.025), Algorithm.SVM.settings(new Hyperparameters(Map.of())));
        assertEquals(new MlpSettings(256, 0.2f, 1, 128, 0.002f, CnnBatches.Augmentation.SHIFTS),
                Algorithm.MLP.settings(new Hyperparameters(Map.of("epochs", "1"))), "a point names only what it changes");
    }

    @Test
    void everyPointOfEveryGridMakesValidSettingsAndTheCnnsLargeGridTriesEveryAugmentation() {
        for (var algorithm : Algorithm.values()) {
            for (var size : Algorithm.GridSize.values()) {
                for (var point : algorithm.grid(size).points()) {
                    assertDoesNotThrow(() -> algorithm.settings(point), algorithm + " " + size + " " + point);
                }
            }
        }
        var tried = Algorithm.CNN.grid(Algorithm.GridSize.LARGE).points().stream()
                .map(point -> ((CnnSettings) Algorithm.CNN.settings(point)).augmentation()).collect(Collectors.toSet());
        assertEquals(EnumSet.complementOf(EnumSet.of(CnnBatches.Augmentation.NONE)), tried);
    }

    private static void assertInvalid(String message, org.junit.jupiter.api.function.Executable order) {
        var refused = assertThrows(TrainingException.class, order);
        assertEquals(TrainingException.Kind.INVALID, refused.kind());
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
