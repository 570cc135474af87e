package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.digits.platform.control.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRequestsTest {

    @Test
    void theDefaultRunTrainsEveryAlgorithmOnItsSmallGrid() {
        var plan = TrainingRequests.of(null, null, null, null, null, null, false, null);
        assertEquals(List.of(Algorithm.values()), plan.algorithms());
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
    void aPlanSurvivesTheTripThroughJobParametersAndRunLines() {
        var plan = TrainingRequests.of(List.of("knn", "svm", "knn"), "large", Map.of("svm", "C=1,2;gamma=0.5"), 4, 900, 1_000,
                true, 7L);
        assertEquals(List.of(Algorithm.KNN, Algorithm.SVM), plan.algorithms(), "repeated algorithms are trained once");
        assertEquals("pca=50;C=1,2;gamma=0.5", plan.steps().get(1).grid().toString());
        var lines = TrainingRequests.asLines(TrainingRequests.toJobParameters(plan));
        assertEquals(plan, TrainingRequests.fromJobParameters(TrainingRequests.fromLines(lines)));
    }

    @Test
    void outOfBoundsOrUnknownChoicesAreRefusedWithTheReason() {
        assertEquals(400, assertThrows(ProblemException.class,
                () -> TrainingRequests.of(List.of("perceptron"), null, null, null, null, null, false, null)).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> TrainingRequests.of(null, "huge", null, null, null, null, false, null)).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> TrainingRequests.of(null, null, null, 1, null, null, false, null)).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> TrainingRequests.of(null, null, null, null, 99, null, false, null)).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> TrainingRequests.of(null, null, null, null, null, 70_000, false, null)).status());
        var unknownAxis = assertThrows(ProblemException.class,
                () -> TrainingRequests.of(List.of("svm"), null, Map.of("svm", "degree=3"), null, null, null, false, null));
        assertEquals(400, unknownAxis.status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> TrainingRequests.of(null, null, Map.of("nope", "a=1"), null, null, null, false, null)).status());
    }
}
