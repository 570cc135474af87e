package app.digits.imaging.control;

import java.awt.image.BufferedImage;

/**
 * An upload's ink at the resolution recognition works at. The model only ever sees 28x28, yet everything after
 * decoding (the pieces of ink, the distance transforms that measure stroke width, the refusal judge's cuts)
 * costs in proportion to the pixels it works on: a 280x280 canvas spent most of its CPU there. So an upload
 * whose ink stands higher than needed is shrunk, before its contrast is normalized, until the ink is that high,
 * by area averaging: thin strokes become grey and the contrast normalization ({@link InkContrast}) brings them
 * back to full ink, as it does for faint pens. The height, not the longer side, sets the size, so a number of
 * several digits keeps each digit's resolution. A single digit is worked on at {@value #DIGIT_HEIGHT} pixels
 * (its stroke width still measured on about seven pixels, and the refusal judge's look for several digits
 * costs half what it does at 96); a number at {@value #NUMBER_HEIGHT}, a third above the height at which
 * {@link DigitSegmenter} searches its cuttings (at 96 the chosen digits, normalized from the working map, read
 * two numbers of 150 fewer in each robustness set of numbers; at 128 one apart, at 192 none). Positions found
 * on the working map (the digits of a number) are given back in the drawing's own pixels.
 */
public record WorkingInk(InkMap ink, int drawingWidth, int drawingHeight) {

    /** The ink's height, in pixels, above which a single digit's upload is shrunk. */
    static final int DIGIT_HEIGHT = 64;
    /** The same for a number's. */
    static final int NUMBER_HEIGHT = 128;
    /** A pixel holding at least this share of the strongest raw ink counts in the ink's height. */
    private static final float STRONG = 0.5f;
    /** The share of the strong pixels, at the top and at the bottom, left out of the ink's height. */
    private static final double TRIMMED = 0.01;
    /** Scales are multiples of this, so that a few pixels more or less of ink do not change the working map. */
    private static final double SCALE_STEP = 0.25;

    /** A single digit's ink, shrunk when it stands higher than {@value #DIGIT_HEIGHT} pixels. */
    public static WorkingInk digit(BufferedImage image) {
        return of(image, DIGIT_HEIGHT);
    }

    /** A number's ink, shrunk when it stands higher than {@value #NUMBER_HEIGHT} pixels. */
    public static WorkingInk number(BufferedImage image) {
        return of(image, NUMBER_HEIGHT);
    }

    private static WorkingInk of(BufferedImage image, int target) {
        int width = image.getWidth();
        int height = image.getHeight();
        var raw = InkMap.raw(image);
        float strongest = max(raw);
        double scale = Math.floor((double) inkHeight(raw, width, strongest) / target / SCALE_STEP) * SCALE_STEP;
        if (scale <= 1) {
            return new WorkingInk(new InkMap(width, height, InkContrast.normalized(raw, width, height)), width, height);
        }
        int smallWidth = Math.max(1, (int) Math.round(width / scale));
        int smallHeight = Math.max(1, (int) Math.round(height / scale));
        var small = MnistNormalizer.resample(raw, width, height, smallWidth, smallHeight);
        strengthened(small, strongest);
        return new WorkingInk(new InkMap(smallWidth, smallHeight, InkContrast.normalized(small, smallWidth, smallHeight)),
                width, height);
    }

    /** A map already small enough (28x28 grey levels), worked on as it is. */
    public static WorkingInk of(InkMap ink) {
        return new WorkingInk(ink, ink.width(), ink.height());
    }

    /** A column of the working map, or a width across it, in the drawing's pixels. */
    public int across(int x) {
        return (int) Math.round((double) x * drawingWidth / ink.width());
    }

    /** A row of the working map, or a height down it, in the drawing's pixels. */
    public int down(int y) {
        return (int) Math.round((double) y * drawingHeight / ink.height());
    }

    /**
     * The shrunk ink brought back to the strength of the strongest ink drawn: a hairline averaged into a faint
     * grey is still a drawing, and whether there is one is decided on the ink as drawn ({@link
     * InkContrast#MIN_CONTRAST}); the contrast normalization depends on the ink's strength in no other way.
     */
    private static void strengthened(float[] small, float strongest) {
        float factor = strongest / max(small);
        for (int i = 0; i < small.length; i++) {
            small[i] *= factor;
        }
    }

    private static float max(float[] ink) {
        float max = 0f;
        for (float value : ink) {
            max = Math.max(max, value);
        }
        return max;
    }

    /**
     * How high the strong ink stands (pixels holding at least {@value #STRONG} of the strongest): paper noise and
     * soft edges stay below it, and the rows holding the outermost {@value #TRIMMED} of the strong pixels at the
     * top and at the bottom are left out, so specks far from the digit do not count; 0 without real contrast.
     */
    private static int inkHeight(float[] raw, int width, float strongest) {
        if (strongest < InkContrast.MIN_CONTRAST) {
            return 0;
        }
        float strong = STRONG * strongest;
        var rows = new int[raw.length / width];
        long total = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] >= strong) {
                rows[i / width]++;
                total++;
            }
        }
        long trimmed = (long) (TRIMMED * total);
        int top = 0;
        long above = rows[top];
        while (above <= trimmed) {
            above += rows[++top];
        }
        int bottom = rows.length - 1;
        long below = rows[bottom];
        while (below <= trimmed) {
            below += rows[--bottom];
        }
        return bottom - top + 1;
    }
}
