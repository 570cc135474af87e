package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BestEpochTest {

    private static final double TOLERANCE = 0.001;

    @Test
    void aLaterEpochWithinTheToleranceOfTheBestReplacesIt() {
        var best = new BestEpoch(TOLERANCE);
        offer(best, 5, 0.9975);
        offer(best, 10, 0.9970);
        offer(best, 14, 0.9965);

        assertEquals(14, best.epoch());
        assertArrayEquals(new byte[] {14}, best.weights());
    }

    @Test
    void aLaterEpochFurtherBelowTheBestDoesNot() {
        var best = new BestEpoch(TOLERANCE);
        offer(best, 5, 0.9975);
        offer(best, 14, 0.9965);
        offer(best, 15, 0.9950);

        assertEquals(14, best.epoch());
    }

    @Test
    void theKeptEpochDoesNotDriftDownEpochByEpoch() {
        var best = new BestEpoch(TOLERANCE);
        offer(best, 1, 0.9900);
        offer(best, 2, 0.9892);
        offer(best, 3, 0.9884);

        assertEquals(2, best.epoch(), "epoch 3 is within the tolerance of epoch 2 but not of the best, epoch 1");
    }

    @Test
    void aDivergedEpochStopsTrainingAndKeepsTheEarlierWeights() {
        var best = new BestEpoch(TOLERANCE);
        offer(best, 1, 0.95);

        assertFalse(best.offer(2, Double.NaN, 0.99, () -> new byte[] {2}));
        assertEquals(1, best.epoch());
    }

    @Test
    void withoutAnyFiniteEpochThereAreNoWeights() {
        var best = new BestEpoch(TOLERANCE);

        assertFalse(best.offer(1, Double.POSITIVE_INFINITY, 0.5, () -> new byte[] {1}));
        assertThrows(IllegalStateException.class, best::weights);
    }

    private static void offer(BestEpoch best, int epoch, double accuracy) {
        assertTrue(best.offer(epoch, 0.1, accuracy, () -> new byte[] {(byte) epoch}));
    }
}
