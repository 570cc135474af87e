package app.digits.robustness.control;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Lays digits side by side into one number, as someone writing a postal code or an amount would: each digit
 * at about the same height with a little vertical jitter, either apart (a clear gap between their bounding
 * boxes) or touching (placed so that, in the row where they come closest, their strokes overlap by a few
 * pixels).
 */
final class NumberLayout {

    static final int HEIGHT = 280;
    private static final int MARGIN = 40;
    private static final float STROKE = 0.3f;

    private NumberLayout() {
    }

    /** The number's ink, and where each digit's crop went in it (its left column and top row). */
    record Laid(Ink ink, int[] left, int[] top) {
    }

    /**
     * The number's ink: {@code apart} leaves 30-70 px between boxes; otherwise strokes overlap by 4-12 px.
     * Digits are cropped layers at most {@value #HEIGHT} - 2 x jitter high.
     */
    static Ink lay(List<Ink> digits, boolean apart, Random random) {
        return lay(digits, apart, 1, random).ink();
    }

    /**
     * As above, with touching strokes overlapping by {@code overlapScale} times as much, at least a pixel: a
     * thin pen's strokes meet where MNIST's broad ones would overlap (the same random draws either way).
     */
    static Laid lay(List<Ink> digits, boolean apart, double overlapScale, Random random) {
        int n = digits.size();
        var left = new int[n];
        var top = new int[n];
        var rightEdge = new int[HEIGHT];
        Arrays.fill(rightEdge, Integer.MIN_VALUE);
        int boxRight = MARGIN;
        for (int d = 0; d < n; d++) {
            var digit = digits.get(d);
            top[d] = Math.clamp((HEIGHT - digit.height()) / 2 + random.nextInt(21) - 10, 0, HEIGHT - digit.height());
            if (d == 0) {
                left[d] = MARGIN;
            } else if (apart) {
                left[d] = boxRight + 30 + random.nextInt(41);
            } else {
                left[d] = Math.max(left[d - 1] + 1, touching(digit, top[d], rightEdge, boxRight,
                        (int) Math.max(1, Math.round((4 + random.nextInt(9)) * overlapScale))));
            }
            boxRight = Math.max(boxRight, left[d] + digit.width());
            for (int y = 0; y < digit.height(); y++) {
                int right = rightmost(digit, y);
                if (right >= 0) {
                    rightEdge[top[d] + y] = Math.max(rightEdge[top[d] + y], left[d] + right);
                }
            }
        }
        var canvas = new Ink(boxRight + MARGIN, HEIGHT, new float[(boxRight + MARGIN) * HEIGHT]);
        for (int d = 0; d < n; d++) {
            var digit = digits.get(d);
            for (int y = 0; y < digit.height(); y++) {
                for (int x = 0; x < digit.width(); x++) {
                    int i = (top[d] + y) * canvas.width() + left[d] + x;
                    canvas.values()[i] = Math.max(canvas.values()[i], digit.at(x, y));
                }
            }
        }
        return new Laid(canvas, left, top);
    }

    /** Where the digit goes so that its strokes overlap the ones already laid by {@code overlap} pixels. */
    private static int touching(Ink digit, int top, int[] rightEdge, int boxRight, int overlap) {
        int shift = Integer.MIN_VALUE;
        for (int y = 0; y < digit.height(); y++) {
            int left = leftmost(digit, y);
            if (left >= 0 && rightEdge[top + y] != Integer.MIN_VALUE) {
                shift = Math.max(shift, rightEdge[top + y] - left);
            }
        }
        return shift == Integer.MIN_VALUE ? boxRight - overlap : shift - overlap;
    }

    private static int leftmost(Ink ink, int y) {
        for (int x = 0; x < ink.width(); x++) {
            if (ink.at(x, y) > STROKE) {
                return x;
            }
        }
        return -1;
    }

    private static int rightmost(Ink ink, int y) {
        for (int x = ink.width() - 1; x >= 0; x--) {
            if (ink.at(x, y) > STROKE) {
                return x;
            }
        }
        return -1;
    }
}
