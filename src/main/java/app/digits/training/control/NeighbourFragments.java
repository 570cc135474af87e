package app.digits.training.control;

import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import java.util.Random;

/**
 * Turns a training digit into what the number reader's segmenter cuts out of a number whose digits touch: the
 * digit laid against a neighbour (another training image) so that their strokes meet, cut near where they meet,
 * and normalized like any piece. A cut a little off the junction leaves a stroke end of the neighbour in the
 * piece, or takes a bit of the digit away; a neighbour that reaches over the digit's columns (the bar of a 7, the
 * tail of a 2) leaves more. A model trained on clean digits alone reads such pieces badly ("6" plus a stroke end
 * read as "8"), and the segmenter, which keeps the cuts whose pieces the model is surest of, then cuts wrongly
 * too. Every choice comes from the caller's seeded {@link Random}.
 */
final class NeighbourFragments {

    private static final int SIDE = CnnInputs.SIDE;
    /** A pixel belongs to a stroke from 0.3 of full ink on, as in the numbers sets ({@code NumberLayout}). */
    private static final int INK = 77;
    private static final int MAX_DROP = 2;
    private static final int MAX_OVERLAP = 2;
    private static final int MAX_CUT_OFFSET = 3;
    private static final double MAX_INK_LOST = 0.15;

    private NeighbourFragments() {
    }

    /** The piece holding {@code digit} cut from it and {@code neighbour} laid touching (784 grey levels). */
    static byte[] piece(byte[] digit, byte[] neighbour, Random random) {
        boolean digitLeft = random.nextBoolean();
        var left = digitLeft ? digit : neighbour;
        var right = digitLeft ? neighbour : digit;
        int drop = random.nextInt(2 * MAX_DROP + 1) - MAX_DROP;
        int height = SIDE + 2 * MAX_DROP;
        int closest = Integer.MIN_VALUE;
        int junction = SIDE / 2;
        for (int y = 0; y < SIDE; y++) {
            int rightY = y - drop;
            if (rightY < 0 || rightY >= SIDE) {
                continue;
            }
            int leftEnd = rightmost(left, y);
            int rightStart = leftmost(right, rightY);
            if (leftEnd >= 0 && rightStart >= 0 && leftEnd - rightStart > closest) {
                closest = leftEnd - rightStart;
                junction = leftEnd;
            }
        }
        int shift = Math.max(1, (closest == Integer.MIN_VALUE ? SIDE / 2 : closest + 1) - random.nextInt(MAX_OVERLAP + 1));
        int cut = junction + random.nextInt(2 * MAX_CUT_OFFSET + 1) - MAX_CUT_OFFSET;
        int width = shift + SIDE;
        var ink = new float[width * height];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                lay(ink, width, x, y + MAX_DROP, left[y * SIDE + x], digitLeft);
                lay(ink, width, x + shift, y + MAX_DROP + drop, right[y * SIDE + x], !digitLeft);
            }
        }
        var kept = cutOut(ink, width, digitLeft, cut, random.nextBoolean());
        return MnistNormalizer.normalize(new InkMap(width, height, kept)).orElse(digit);
    }

    /**
     * The canvas's ink on the digit's side of the cut, and with {@code keepDigitWhole} the digit's ink beyond it
     * too (a cut that followed the digit's strokes). A straight cut that would take more than
     * {@value #MAX_INK_LOST} of the digit's ink keeps it whole: a 0 cut in half is not a 0 to learn from.
     */
    private static float[] cutOut(float[] ink, int width, boolean digitLeft, int cut, boolean keepDigitWhole) {
        var kept = new float[ink.length];
        double digitInk = 0;
        double digitLost = 0;
        for (int i = 0; i < ink.length; i++) {
            int x = i % width;
            boolean digitSide = digitLeft ? x <= cut : x > cut;
            boolean ofDigit = ink[i] < 0;
            kept[i] = digitSide || keepDigitWhole && ofDigit ? Math.abs(ink[i]) : 0;
            if (ofDigit) {
                digitInk -= ink[i];
                digitLost += kept[i] == 0 ? -ink[i] : 0;
            }
        }
        return keepDigitWhole || digitLost <= MAX_INK_LOST * digitInk ? kept : cutOut(ink, width, digitLeft, cut, true);
    }

    /** Lays one image's grey level on the canvas, the brighter ink winning; the digit's ink is stored negative. */
    private static void lay(float[] ink, int width, int x, int y, byte grey, boolean ofDigit) {
        float value = (grey & 0xFF) / 255f;
        int i = y * width + x;
        if (value > Math.abs(ink[i])) {
            ink[i] = ofDigit ? -value : value;
        }
    }

    private static int leftmost(byte[] image, int y) {
        for (int x = 0; x < SIDE; x++) {
            if ((image[y * SIDE + x] & 0xFF) > INK) {
                return x;
            }
        }
        return -1;
    }

    private static int rightmost(byte[] image, int y) {
        for (int x = SIDE - 1; x >= 0; x--) {
            if ((image[y * SIDE + x] & 0xFF) > INK) {
                return x;
            }
        }
        return -1;
    }
}
