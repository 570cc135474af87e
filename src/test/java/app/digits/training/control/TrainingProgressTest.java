package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    @Test
    void theRunsShareIsWeightedByEachAlgorithmsCost() {
        var progress = new TrainingProgress();
        assertTrue(progress.current().idle());
        progress.start("run-1", List.of(Algorithm.DECISION_TREE, Algorithm.CNN));
        assertEquals(0, progress.current().percent());
        assertNull(progress.current().current());

        progress.update(Algorithm.DECISION_TREE, TrainingProgress.Phase.DONE, 3, 3, 1, "80.00");
        int afterTree = progress.current().percent();
        int expected = (int) Math.floor(100.0 * Algorithm.DECISION_TREE.cost() / (Algorithm.DECISION_TREE.cost() + Algorithm.CNN.cost()));
        assertEquals(expected, afterTree, "the cheap tree is a small part of the run");

        progress.update(Algorithm.CNN, TrainingProgress.Phase.SEARCHING, 2, 4, 0.5, "learningRate=0.001");
        var searching = progress.current();
        assertEquals(Algorithm.CNN, searching.current().algorithm());
        assertEquals(11, searching.current().percent(), "half of point 2 of 4 is 3/8 of the 30 % the search counts for");

        progress.update(Algorithm.CNN, TrainingProgress.Phase.FITTING, 4, 4, 0, "");
        progress.advance(Algorithm.CNN, 0.5);
        assertEquals(60, progress.current().current().percent(), "30 % searched, then half of the 60 % fit");
        assertTrue(progress.current().running());

        progress.finish("completed");
        assertFalse(progress.current().running());
        assertEquals(0, progress.current().remainingSeconds());
    }

    @Test
    void aStopRequestUnwindsTheRunAtItsNextStep() {
        var progress = new TrainingProgress();
        progress.start("run-2", List.of(Algorithm.MLP));
        progress.advance(Algorithm.MLP, 0.2);
        progress.requestStop();
        assertThrows(TrainingProgress.RunStopped.class, () -> progress.advance(Algorithm.MLP, 0.4));
        assertThrows(TrainingProgress.RunStopped.class, progress::checkStop);
        progress.start("run-3", List.of(Algorithm.MLP));
        progress.checkStop();
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertEquals("42 s", TrainingProgress.Snapshot.duration(42));
        assertEquals("4 min 05 s", TrainingProgress.Snapshot.duration(245));
    }
}
