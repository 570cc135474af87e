package app.digits.training.control;

/**
 * Turns 28x28 grey levels into the CNN's input (floats in [0, 1]) and, for training without the full
 * distortions of {@link CnnAugmentation}, shifts them by a few pixels: handwritten digits are rarely centred
 * exactly, and shifted copies teach the network to not mind.
 */
final class CnnInputs {

    static final int SIDE = 28;

    private CnnInputs() {
    }

    /** Writes the image moved by (dx, dy) pixels, blank where it moved away, into {@code out} at {@code offset}. */
    static void shifted(byte[] pixels, int dx, int dy, float[] out, int offset) {
        for (int y = 0; y < SIDE; y++) {
            int fromY = y - dy;
            for (int x = 0; x < SIDE; x++) {
                int fromX = x - dx;
                boolean inside = fromX >= 0 && fromX < SIDE && fromY >= 0 && fromY < SIDE;
                out[offset + y * SIDE + x] = inside ? (pixels[fromY * SIDE + fromX] & 0xFF) / 255f : 0f;
            }
        }
    }
}
