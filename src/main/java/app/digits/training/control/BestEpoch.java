package app.digits.training.control;

import java.util.function.Supplier;

/**
 * Keeps the weights of the best epoch so far and says when training must stop: an epoch whose loss is not a
 * finite number has diverged, and nothing after it is worth keeping. "Best" leans towards later epochs: the
 * learning rate decays over the run, so a later epoch is usually the better network, while the held-out set
 * (2,000 images: one image is 0.05 points) is too small to tell apart epochs within a few images of each other.
 * So a later epoch replaces the kept one when its held-out accuracy is within {@code tolerance} of the best
 * accuracy seen in any epoch; the kept epoch is never more than that below the best.
 */
final class BestEpoch {

    private final double tolerance;
    private byte[] weights;
    private double best = -1;
    private int epoch;

    BestEpoch(double tolerance) {
        this.tolerance = tolerance;
    }

    /** Records an epoch; returns false when its loss diverged and training must stop. */
    boolean offer(int epochNumber, double loss, double heldOutAccuracy, Supplier<byte[]> currentWeights) {
        if (!Double.isFinite(loss)) {
            return false;
        }
        best = Math.max(best, heldOutAccuracy);
        if (heldOutAccuracy >= best - tolerance) {
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
