package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.InMemoryMongo;
import app.digits.platform.control.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run progress on an in-memory MongoDB; two progress objects on one database are two instances of a cluster. */
class TrainingProgressTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private InMemoryMongo mongo;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private TrainingProgress instance(String name) {
        var progress = new TrainingProgress();
        progress.connect(mongo.database("progress-test"), name, LEASE, clock);
        return progress;
    }

    @Test
    void everyInstanceSeesTheRunOfAnotherAndCannotStartOneOfItsOwn() {
        var a = instance("a");
        var b = instance("b");
        a.start("run-1", List.of(Algorithm.DECISION_TREE, Algorithm.MLP));
        a.update(Algorithm.DECISION_TREE, TrainingProgress.Phase.DONE, 1, 1, 1, "85.00");
        clock.advance(Duration.ofSeconds(12));

        var seen = b.current();
        assertEquals("run-1", seen.runId());
        assertTrue(seen.running());
        assertEquals(a.current().percent(), seen.percent());
        assertEquals(12, seen.elapsedSeconds());
        assertEquals(TrainingProgress.Phase.DONE, seen.models().get(0).phase());
        assertEquals(TrainingException.Kind.CONFLICT, assertThrows(TrainingException.class, () -> b.start("run-2", List.of(Algorithm.MLP))).kind());

        a.finish("completed");
        assertFalse(b.current().running());
        assertEquals("completed", b.current().outcome());
        b.start("run-2", List.of(Algorithm.MLP));
        assertEquals("run-2", a.current().runId());
    }

    @Test
    void aStopAskedOnAnotherInstanceStopsTheRunAtItsNextHeartbeat() {
        var a = instance("a");
        var b = instance("b");
        a.start("run-1", List.of(Algorithm.MLP));
        assertTrue(b.requestStop());
        a.checkStop();
        a.beat("run-1");
        assertThrows(TrainingProgress.RunStopped.class, a::checkStop);
    }

    @Test
    void aRunWhoseInstanceDiedIsShownInterruptedAndFreesTheLease() {
        var a = instance("a");
        var b = instance("b");
        a.start("run-1", List.of(Algorithm.MLP));
        clock.advance(LEASE.plusSeconds(1));

        assertFalse(b.current().running());
        assertEquals("interrupted", b.current().outcome());
        assertTrue(b.runningAnywhere().isEmpty());
        b.start("run-2", List.of(Algorithm.MLP));
    }

    @Test
    void theRunsShareIsWeightedByEachAlgorithmsCost() {
        var progress = instance("a");
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
        var progress = instance("a");
        progress.start("run-2", List.of(Algorithm.MLP));
        progress.advance(Algorithm.MLP, 0.2);
        progress.requestStop();
        assertThrows(TrainingProgress.RunStopped.class, () -> progress.advance(Algorithm.MLP, 0.4));
        assertThrows(TrainingProgress.RunStopped.class, progress::checkStop);
        progress.finish("stopped");
        progress.start("run-3", List.of(Algorithm.MLP));
        progress.checkStop();
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertEquals("42 s", TrainingProgress.Snapshot.duration(42));
        assertEquals("4 min 05 s", TrainingProgress.Snapshot.duration(245));
    }
}
