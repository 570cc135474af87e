package app.digits.imaging.control;

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
        var squared = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            squared[i] = target[i] ? 0 : FAR;
        }
        var line = new double[Math.max(width, height)];
        var envelope = new double[line.length];
        var vertices = new int[line.length];
        var bounds = new double[line.length + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = squared[y * width + x];
            }
            lowerEnvelope(line, height, envelope, vertices, bounds);
            for (int y = 0; y < height; y++) {
                squared[y * width + x] = envelope[y];
            }
        }
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
