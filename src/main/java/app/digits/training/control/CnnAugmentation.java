package app.digits.training.control;

import java.util.Random;

/**
 * Distorts a training image the way real writing differs from MNIST, so the CNN learns to not mind: a random
 * affine map (rotation, scale, shear, a small translation) and an elastic warp (a coarse grid of random
 * displacements, interpolated smoothly over the image) sampled bilinearly, then a thinner or bolder stroke
 * (grey-level erosion or dilation with a cross, blended in part), then brighter or fainter ink. Every choice
 * comes from the caller's seeded {@link Random}, so a seeded run draws the same images. Each range is mild
 * enough to keep the digit what it was (a 6 rotated by 15° is still a 6, by 90° it is not).
 */
final class CnnAugmentation {

    private static final int SIDE = CnnInputs.SIDE;
    private static final double CENTRE = (SIDE - 1) / 2.0;
    private static final int PADDED = SIDE + 2;
    /** Control points per side of the elastic grid: 4 bends a stroke once or twice, like a hand does. */
    private static final int GRID = 4;
    /** Per column (or row): the elastic grid's cell it lies in... */
    private static final int[] CELL = new int[SIDE];
    /** ...and its smoothstep weight towards the cell's far side, computed once rather than per pixel of every image. */
    private static final double[] TOWARDS = new double[SIDE];

    static {
        for (int i = 0; i < SIDE; i++) {
            double g = i * GRID / (double) (SIDE - 1);
            CELL[i] = Math.min(GRID - 1, (int) g);
            double f = g - CELL[i];
            // Smoothstep weights make the warp's derivative continuous across grid cells: bends, not kinks.
            TOWARDS[i] = f * f * (3 - 2 * f);
        }
    }

    /** How far each distortion may go; {@link #WRITING} is the training default. */
    record Ranges(double rotationDegrees, double scale, double shear, double shift, double elastic, double strokeChange,
                  double fainter, double brighter) {

        /** Every range times {@code factor}: 0.5 distorts half as far. */
        Ranges scaled(double factor) {
            return new Ranges(rotationDegrees * factor, scale * factor, shear * factor, shift * factor, elastic * factor,
                    strokeChange * factor, fainter * factor, brighter * factor);
        }
    }

    static final Ranges WRITING = new Ranges(12, 0.12, 0.25, 2.5, 1.2, 0.5, 0.35, 0.4);

    private CnnAugmentation() {
    }

    /** Writes a distorted copy of {@code pixels} (28x28 grey levels) as floats in [0, 1] into {@code out} at {@code offset}. */
    static void distort(byte[] pixels, Ranges ranges, Random random, float[] out, int offset) {
        double angle = Math.toRadians(symmetric(random, ranges.rotationDegrees()));
        double scale = 1 + symmetric(random, ranges.scale());
        double aspect = 1 + symmetric(random, ranges.scale() / 2);
        double shear = symmetric(random, ranges.shear());
        double dx = symmetric(random, ranges.shift());
        double dy = symmetric(random, ranges.shift());
        // Inverse of: scale (with aspect), shear along x, rotate. Maps an output pixel back into the source.
        double sx = scale * aspect;
        double sy = scale / aspect;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        var inverse = inverseOf(new double[] {cos * sx, cos * shear * sy - sin * sy, sin * sx, sin * shear * sy + cos * sy});
        var gridX = new double[(GRID + 1) * (GRID + 1)];
        var gridY = new double[gridX.length];
        double elastic = ranges.elastic() * random.nextDouble();
        for (int i = 0; i < gridX.length; i++) {
            gridX[i] = symmetric(random, elastic);
            gridY[i] = symmetric(random, elastic);
        }
        var source = padded(pixels);
        var image = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double u = x - CENTRE - dx + interpolated(gridX, x, y);
                double v = y - CENTRE - dy + interpolated(gridY, x, y);
                double fromX = inverse[0] * u + inverse[1] * v + CENTRE;
                double fromY = inverse[2] * u + inverse[3] * v + CENTRE;
                image[y * SIDE + x] = bilinear(source, fromX, fromY);
            }
        }
        var stroked = stroke(image, symmetric(random, ranges.strokeChange() * 2));
        double gain = random.nextBoolean() ? 1 - ranges.fainter() * random.nextDouble() : 1 + ranges.brighter() * random.nextDouble();
        for (int i = 0; i < stroked.length; i++) {
            out[offset + i] = (float) Math.min(1, stroked[i] * gain);
        }
    }

    /** Thinner (change below 0) or bolder (above 0) strokes: blends toward the eroded or dilated image by |change|. */
    static float[] stroke(float[] image, double change) {
        if (change == 0) {
            return image;
        }
        var morphed = new float[image.length];
        boolean bolder = change > 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float value = image[y * SIDE + x];
                float up = y > 0 ? image[(y - 1) * SIDE + x] : 0;
                float down = y < SIDE - 1 ? image[(y + 1) * SIDE + x] : 0;
                float left = x > 0 ? image[y * SIDE + x - 1] : 0;
                float right = x < SIDE - 1 ? image[y * SIDE + x + 1] : 0;
                morphed[y * SIDE + x] = bolder ? Math.max(value, Math.max(Math.max(up, down), Math.max(left, right)))
                        : Math.min(value, Math.min(Math.min(up, down), Math.min(left, right)));
            }
        }
        float weight = (float) Math.min(1, Math.abs(change));
        for (int i = 0; i < morphed.length; i++) {
            morphed[i] = image[i] + weight * (morphed[i] - image[i]);
        }
        return morphed;
    }

    private static double interpolated(double[] grid, int x, int y) {
        int x0 = CELL[x];
        int y0 = CELL[y];
        double fx = TOWARDS[x];
        double fy = TOWARDS[y];
        int row = GRID + 1;
        return (1 - fy) * ((1 - fx) * grid[y0 * row + x0] + fx * grid[y0 * row + x0 + 1])
                + fy * ((1 - fx) * grid[(y0 + 1) * row + x0] + fx * grid[(y0 + 1) * row + x0 + 1]);
    }

    /**
     * The grey levels with a border of background one pixel wide all round: sampling then reads an array
     * instead of testing every neighbour against the image's edges, which took most of a distortion's time.
     */
    private static double[] padded(byte[] pixels) {
        var padded = new double[PADDED * PADDED];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                padded[(y + 1) * PADDED + x + 1] = pixels[y * SIDE + x] & 0xFF;
            }
        }
        return padded;
    }

    /** The grey level at a point between pixels, 0 to 1: 0 wherever none of its four neighbours is in the image. */
    private static float bilinear(double[] padded, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 >= SIDE || y0 >= SIDE) {
            return 0;
        }
        int i = (y0 + 1) * PADDED + x0 + 1;
        double fx = x - x0;
        double fy = y - y0;
        return (float) (((1 - fy) * ((1 - fx) * padded[i] + fx * padded[i + 1])
                + fy * ((1 - fx) * padded[i + PADDED] + fx * padded[i + PADDED + 1])) / 255);
    }

    private static double[] inverseOf(double[] m) {
        double det = m[0] * m[3] - m[1] * m[2];
        return new double[] {m[3] / det, -m[1] / det, -m[2] / det, m[0] / det};
    }

    private static double symmetric(Random random, double range) {
        return range == 0 ? 0 : (2 * random.nextDouble() - 1) * range;
    }
}
