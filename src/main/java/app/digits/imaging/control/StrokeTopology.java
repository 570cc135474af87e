package app.digits.imaging.control;

/**
 * What the strokes of a normalized 28x28 drawing are made of, counted rather than seen: the holes they close,
 * the separate marks, and on their centre line (a Zhang-Suen thinning) the stroke ends, the forks and the
 * length. A digit is one to three strokes with at most two holes and a few ends; a scribble crosses itself into
 * many holes and forks, random strokes leave many ends. A network reading the pixels alone learns such counts
 * from examples, and poorly for writers it never saw; given as inputs, they are the same for every writer. A
 * fork is a centre-line pixel with three branches around it: where slanted strokes cross, thinning leaves a
 * knot of pixels none of which has three, so such a crossing shows as four ends, not as a fork (counting knots
 * instead separated MNIST digits from scribbles worse). Each count is given as steps ({@code count >= 1},
 * {@code >= 2}, ...), which a network of one hidden layer weighs more easily than the raw number. The
 * neighbourhoods are looked up in tables of 256, as the detector asks for every candidate cut of a drawing.
 */
public final class StrokeTopology {

    private static final int SIDE = 28;
    /** Ink above this level (0-255) is stroke, the rest paper. */
    private static final int INKED = 128;
    private static final int MAX_HOLES = 3;
    private static final int MAX_MARKS = 4;
    private static final int MAX_ENDS = 8;
    private static final int MAX_FORKS = 6;
    /** The centre line's length is given as a share of this many pixels, at most 1. */
    private static final double LONG_LINE = 100;
    /** How many inputs {@link #features} gives. */
    public static final int FEATURES = MAX_HOLES + (MAX_MARKS - 1) + MAX_ENDS + MAX_FORKS + 2;

    /** Per 2x2 window of pixels (bits: top left, top right, bottom left, bottom right), its weight in {@link #eulerNumber}. */
    private static final int[] QUAD_WEIGHT = new int[16];

    static {
        for (int quad = 0; quad < 16; quad++) {
            int inked = Integer.bitCount(quad);
            QUAD_WEIGHT[quad] = inked == 1 ? 1 : inked == 3 ? -1 : quad == 0b1001 || quad == 0b0110 ? -2 : 0;
        }
    }

    /** For each of the 256 neighbourhoods: the runs of neighbours around the pixel, and whether each thinning pass removes it. */
    private static final int[] BRANCHES = new int[256];
    private static final boolean[][] REMOVABLE = new boolean[2][256];

    static {
        for (int around = 0; around < 256; around++) {
            var p = new boolean[8];
            for (int k = 0; k < 8; k++) {
                p[k] = (around >> k & 1) != 0;
            }
            for (int k = 0; k < 8; k++) {
                BRANCHES[around] += !p[k] && p[(k + 1) % 8] ? 1 : 0;
            }
            int neighbours = Integer.bitCount(around);
            boolean thinnable = neighbours >= 2 && neighbours <= 6 && BRANCHES[around] == 1;
            REMOVABLE[0][around] = thinnable && !(p[0] && p[2] && p[4]) && !(p[2] && p[4] && p[6]);
            REMOVABLE[1][around] = thinnable && !(p[0] && p[2] && p[6]) && !(p[0] && p[4] && p[6]);
        }
    }

    /** The counts of one drawing. */
    public record Counts(int holes, int marks, int ends, int forks, int lineLength, int inked) {
    }

    private StrokeTopology() {
    }

    /** The counts as the detector's extra inputs, each between 0 and 1. */
    public static float[] features(byte[] pixels) {
        var counts = counts(pixels);
        var out = new float[FEATURES];
        int next = steps(out, 0, counts.holes(), 1, MAX_HOLES);
        next = steps(out, next, counts.marks(), 2, MAX_MARKS);
        next = steps(out, next, counts.ends(), 1, MAX_ENDS);
        next = steps(out, next, counts.forks(), 1, MAX_FORKS);
        out[next++] = (float) Math.min(1, counts.lineLength() / LONG_LINE);
        out[next] = counts.inked() == 0 ? 0 : Math.min(1f, (float) counts.lineLength() / counts.inked());
        return out;
    }

    /** {@code out[first + k]} is 1 when {@code count >= from + k}, for {@code from} up to {@code to}. */
    private static int steps(float[] out, int first, int count, int from, int to) {
        for (int level = from; level <= to; level++) {
            out[first + level - from] = count >= level ? 1 : 0;
        }
        return first + to - from + 1;
    }

    /** The 784 grey levels (0-255, ink high) counted. */
    public static Counts counts(byte[] pixels) {
        if (pixels.length != SIDE * SIDE) {
            throw new IllegalArgumentException("Expected 784 pixels, got " + pixels.length);
        }
        var ink = new boolean[pixels.length];
        var strokes = new float[pixels.length];
        int inked = 0;
        for (int i = 0; i < pixels.length; i++) {
            ink[i] = (pixels[i] & 0xFF) > INKED;
            strokes[i] = ink[i] ? 1 : 0;
            inked += ink[i] ? 1 : 0;
        }
        int marks = InkComponents.of(strokes, SIDE, SIDE, 0.5f).all().size();
        int holes = marks - eulerNumber(ink);
        var line = thinned(ink);
        int ends = 0;
        int forks = 0;
        int length = 0;
        for (int y = 1; y < SIDE - 1; y++) {
            for (int x = 1; x < SIDE - 1; x++) {
                int i = y * SIDE + x;
                if (line[i]) {
                    length++;
                    int around = around(line, i);
                    int neighbours = Integer.bitCount(around);
                    int branches = BRANCHES[around];
                    ends += neighbours == 1 ? 1 : 0;
                    forks += branches >= 3 ? 1 : 0;
                }
            }
        }
        return new Counts(holes, marks, ends, forks, length, inked);
    }

    /**
     * The marks less the holes they close, counted without following any region (Gray's bit quads): over every
     * 2x2 window of the drawing framed in paper, windows with one inked pixel less those with three, less twice
     * those with two diagonal ones, over 4. For strokes joined by corners and paper joined by sides, as the marks
     * and holes are counted; a flood fill of the paper, three times the work, found the same holes.
     */
    private static int eulerNumber(boolean[] ink) {
        int sum = 0;
        for (int y = -1; y < SIDE; y++) {
            for (int x = -1; x < SIDE; x++) {
                int quad = (inked(ink, x, y) ? 1 : 0) | (inked(ink, x + 1, y) ? 2 : 0) | (inked(ink, x, y + 1) ? 4 : 0)
                        | (inked(ink, x + 1, y + 1) ? 8 : 0);
                sum += QUAD_WEIGHT[quad];
            }
        }
        return sum / 4;
    }

    private static boolean inked(boolean[] ink, int x, int y) {
        return x >= 0 && y >= 0 && x < SIDE && y < SIDE && ink[y * SIDE + x];
    }

    /** The eight neighbours clockwise from the one above, as bits 0 to 7. */
    private static int around(boolean[] on, int i) {
        return (on[i - SIDE] ? 1 : 0) | (on[i - SIDE + 1] ? 2 : 0) | (on[i + 1] ? 4 : 0) | (on[i + SIDE + 1] ? 8 : 0)
                | (on[i + SIDE] ? 16 : 0) | (on[i + SIDE - 1] ? 32 : 0) | (on[i - 1] ? 64 : 0) | (on[i - SIDE - 1] ? 128 : 0);
    }

    /** The centre line of the strokes, one pixel wide (Zhang-Suen); the border row and column stay paper. */
    static boolean[] thinned(boolean[] ink) {
        var on = ink.clone();
        for (int i = 0; i < SIDE; i++) {
            on[i] = on[(SIDE - 1) * SIDE + i] = on[i * SIDE] = on[i * SIDE + SIDE - 1] = false;
        }
        // only the ink can be thinned away: the passes visit it alone, the list shrinking as pixels are removed
        var left = new int[on.length];
        int count = 0;
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                left[count++] = i;
            }
        }
        var remove = new int[on.length];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int step = 0; step < 2; step++) {
                int removed = 0;
                for (int k = 0; k < count; k++) {
                    if (REMOVABLE[step][around(on, left[k])]) {
                        remove[removed++] = left[k];
                    }
                }
                for (int k = 0; k < removed; k++) {
                    on[remove[k]] = false;
                }
                int kept = 0;
                for (int k = 0; k < count; k++) {
                    if (on[left[k]]) {
                        left[kept++] = left[k];
                    }
                }
                count = kept;
                changed |= removed > 0;
            }
        }
        return on;
    }
}
