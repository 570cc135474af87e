package app.digits.training.control;

import java.util.function.Supplier;

/**
 * Keeps the weights of the best epoch so far (by held-out accuracy) and says when training must stop: an
 * epoch whose loss is not a finite number has diverged, and nothing after it is worth keeping.
 */
final class BestEpoch {

    private byte[] weights;
    private double accuracy = -1;
    private int epoch;

    /** Records an epoch; returns false when its loss diverged and training must stop. */
    boolean offer(int epochNumber, double loss, double heldOutAccuracy, Supplier<byte[]> currentWeights) {
        if (!Double.isFinite(loss)) {
            return false;
        }
        if (heldOutAccuracy > accuracy) {
            accuracy = heldOutAccuracy;
            epoch = epochNumber;
            weights = currentWeights.get();
        }
        return true;
    }

    /** The kept weights; fails when even the first epoch diverged. */
    byte[] weights() {
        if (weights == null) {
            throw new IllegalStateException("The CNN's loss diverged in its first epoch: no weights worth keeping");
        }
        return weights;
    }

    int epoch() {
        return epoch;
    }
}
