package app.digits.imaging.control;

import java.util.Arrays;

/**
 * Exact Euclidean distance from every pixel to the nearest pixel of a mask (Felzenszwalb and Huttenlocher's
 * separable lower envelope of parabolas), in time linear in the pixel count whatever the distances. It is what
 * lets stroke width be measured and changed at the drawing's own resolution: the distance inside the ink is
 * half a stroke's width, and thickening a pen by r pixels is keeping every pixel within r of the ink.
 */
final class DistanceTransform {

    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /** For each pixel, the distance to the nearest pixel where {@code target} is true (0 on the target itself). */
    static float[] to(boolean[] target, int width, int height) {
        var squared = columnDistances(target, width, height);
        var line = new double[Math.max(width, height)];
        var envelope = new double[line.length];
        var vertices = new int[line.length];
        var bounds = new double[line.length + 1];
        var distances = new float[target.length];
        for (int y = 0; y < height; y++) {
            System.arraycopy(squared, y * width, line, 0, width);
            lowerEnvelope(line, width, envelope, vertices, bounds);
            for (int x = 0; x < width; x++) {
                distances[y * width + x] = (float) Math.sqrt(envelope[x]);
            }
        }
        return distances;
    }

    /**
     * The first pass: the squared distance to the nearest target in the same column. In a column with a target
     * that is the distance to the nearest one above or below, found by one scan down and one up, row by row
     * (what the lower envelope gives there, in a fraction of its time); a column without any keeps the lower
     * envelope of no target, so the second pass sees what it always saw.
     */
    private static double[] columnDistances(boolean[] target, int width, int height) {
        var squared = new double[target.length];
        var nearest = new int[width];
        Arrays.fill(nearest, -1);
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                if (target[i]) {
                    nearest[x] = y;
                }
                double d = y - nearest[x];
                squared[i] = nearest[x] < 0 ? FAR : d * d;
            }
        }
        var untouched = new boolean[width];
        for (int x = 0; x < width; x++) {
            untouched[x] = nearest[x] < 0;
        }
        Arrays.fill(nearest, -1);
        for (int y = height - 1, i = target.length - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--, i--) {
                if (target[i]) {
                    nearest[x] = y;
                }
                double d = nearest[x] - y;
                if (nearest[x] >= 0 && d * d < squared[i]) {
                    squared[i] = d * d;
                }
            }
        }
        var line = new double[height];
        var envelope = new double[height];
        var vertices = new int[height];
        var bounds = new double[height + 1];
        for (int x = 0; x < width; x++) {
            if (untouched[x]) {
                Arrays.fill(line, FAR);
                lowerEnvelope(line, height, envelope, vertices, bounds);
                for (int y = 0; y < height; y++) {
                    squared[y * width + x] = envelope[y];
                }
            }
        }
        return squared;
    }

    /** The one-dimensional squared distance transform of {@code f} (length {@code n}) into {@code out}. */
    private static void lowerEnvelope(double[] f, int n, double[] out, int[] vertices, double[] bounds) {
        int k = 0;
        vertices[0] = 0;
        bounds[0] = Double.NEGATIVE_INFINITY;
        bounds[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, vertices[k]);
            while (s <= bounds[k]) {
                k--;
                s = intersection(f, q, vertices[k]);
            }
            k++;
            vertices[k] = q;
            bounds[k] = s;
            bounds[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (bounds[k + 1] < q) {
                k++;
            }
            double d = q - vertices[k];
            out[q] = d * d + f[vertices[k]];
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
