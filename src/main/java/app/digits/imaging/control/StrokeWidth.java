package app.digits.imaging.control;

import java.util.Arrays;

/**
 * Gives a digit the stroke width of MNIST's pens before it is shrunk to 20x20. A 3-pixel pen on a 280-pixel
 * canvas would otherwise shrink to a faint grey hairline that models trained on MNIST read as "1" or "5",
 * and a marker would fill the digit's loops. The width is measured at the drawing's own resolution, as twice
 * the typical distance from a stroke's centre line to its edge (the ridge of the distance transform); it is
 * compared with the box's longer side, so the same drawing at any resolution is treated alike. Widths within
 * MNIST's own range are left alone (MNIST digits stay as they are); thinner strokes are thickened and bolder
 * ones thinned to MNIST's typical width.
 */
final class StrokeWidth {

    /**
     * MNIST's median stroke width, as a share of the digit box's longer side, measured on 2,000 training digits
     * enlarged ten times; 1 % of them are below 0.55 times it and 1 % above 2.2 times, the bounds used here.
     */
    static final double TYPICAL = 0.11;
    private static final double THINNEST = 0.55;
    private static final double BOLDEST = 2.2;
    private static final float INK = 0.5f;

    private StrokeWidth() {
    }

    /**
     * The digit's ink (a crop of its box) with its strokes brought to MNIST's width when far off it; thickened
     * strokes get a margin to grow into.
     */
    static InkMap normalized(InkMap digit) {
        int width = digit.width();
        int height = digit.height();
        double typical = TYPICAL * Math.max(width, height);
        var inside = insideDistances(digit);
        double measured = measure(inside, digit);
        if (measured <= 0 || measured >= THINNEST * typical && measured <= BOLDEST * typical) {
            return digit;
        }
        if (measured > typical) {
            double radius = (measured - typical) / 2;
            var out = new float[digit.ink().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = digit.ink()[i] * (float) Math.clamp(inside[i] - radius + 0.5, 0, 1);
            }
            return new InkMap(width, height, out);
        }
        double radius = (typical - measured) / 2;
        int margin = (int) Math.ceil(radius + 1);
        var padded = padded(digit, margin);
        var mask = new boolean[padded.ink().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = padded.ink()[i] > INK;
        }
        var outside = DistanceTransform.to(mask, padded.width(), padded.height());
        var out = padded.ink();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(out[i], (float) Math.clamp(radius + 0.5 - outside[i], 0, 1));
        }
        return padded;
    }

    /** For each pixel, how far it is from the paper (0 on paper); beyond the crop is paper too. */
    private static float[] insideDistances(InkMap digit) {
        var padded = padded(digit, 1);
        var paper = new boolean[padded.ink().length];
        for (int i = 0; i < paper.length; i++) {
            paper[i] = padded.ink()[i] <= INK;
        }
        var all = DistanceTransform.to(paper, padded.width(), padded.height());
        var inside = new float[digit.ink().length];
        for (int y = 0; y < digit.height(); y++) {
            System.arraycopy(all, (y + 1) * padded.width() + 1, inside, y * digit.width(), digit.width());
        }
        return inside;
    }

    private static InkMap padded(InkMap digit, int margin) {
        int width = digit.width() + 2 * margin;
        var ink = new float[width * (digit.height() + 2 * margin)];
        for (int y = 0; y < digit.height(); y++) {
            System.arraycopy(digit.ink(), y * digit.width(), ink, (y + margin) * width + margin, digit.width());
        }
        return new InkMap(width, digit.height() + 2 * margin, ink);
    }

    /**
     * The stroke width in pixels: twice the median distance to the paper along the strokes' ridge (ink pixels
     * at least as far from the paper as their neighbours), less half a pixel for the pixel grid; 0 without ink.
     */
    static double measure(float[] inside, InkMap digit) {
        int width = digit.width();
        var ridge = new float[inside.length];
        int count = 0;
        for (int y = 0; y < digit.height(); y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (inside[i] > 0 && isRidge(inside, width, digit.height(), x, y)) {
                    ridge[count++] = inside[i];
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(ridge, 0, count);
        return Math.max(1, 2 * ridge[count / 2] - 0.5);
    }

    private static boolean isRidge(float[] distance, int width, int height, int x, int y) {
        float own = distance[y * width + x];
        for (int yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
                if (distance[yy * width + xx] > own) {
                    return false;
                }
            }
        }
        return true;
    }
}
