package app.digits.imaging.control;

/**
 * Makes ink look the same whatever pen and paper it came from: a faint pencil line becomes full ink, grey or
 * yellowish paper and a scanner's noise become background, and specks (JPEG blocks, dust, noise that survives)
 * are dropped. Otsu's threshold splits the pixels into paper and ink; how high the paper's noise reaches becomes the
 * new zero and the ink's median the new one, so a clean drawing, whose paper
 * is exactly zero and ink mostly full, is left almost as it is (MNIST digits keep their soft edges). Pieces
 * of ink much smaller than the largest one are specks: no digit has a part a tenth of its size.
 */
final class InkContrast {

    /** Below this difference between paper and strongest ink, the drawing is blank. */
    static final float MIN_CONTRAST = 0.2f;
    private static final int LEVELS = 256;
    private static final double NOISE_PER_QUARTILE = 5;
    private static final double SPECK = 0.1;

    private InkContrast() {
    }

    /** The ink map with contrast normalized and specks removed (all zero when there is no real contrast). */
    static float[] normalized(float[] raw, int width, int height) {
        float max = 0f;
        for (float value : raw) {
            max = Math.max(max, value);
        }
        var ink = new float[raw.length];
        if (max < MIN_CONTRAST) {
            return ink;
        }
        var histogram = new int[LEVELS];
        for (float value : raw) {
            histogram[level(value / max)]++;
        }
        int threshold = otsu(histogram, raw.length);
        double paper = noiseCeiling(histogram, threshold);
        double full = median(histogram, threshold + 1);
        double span = Math.max(full - paper, 1.0);
        for (int i = 0; i < raw.length; i++) {
            ink[i] = (float) Math.clamp((raw[i] / max * (LEVELS - 1) - paper) / span, 0, 1);
        }
        removeSpecks(ink, width, height);
        return ink;
    }

    private static int level(float share) {
        return Math.round(Math.clamp(share, 0f, 1f) * (LEVELS - 1));
    }

    /** Otsu's threshold: the level that best separates the histogram into two classes (paper at or below). */
    private static int otsu(int[] histogram, int total) {
        double sum = 0;
        for (int level = 0; level < LEVELS; level++) {
            sum += (double) level * histogram[level];
        }
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int threshold = 0;
        for (int level = 0; level < LEVELS - 1; level++) {
            below += histogram[level];
            sumBelow += (double) level * histogram[level];
            long above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double difference = sumBelow / below - (sum - sumBelow) / above;
            double between = (double) below * above * difference * difference;
            if (between > best) {
                best = between;
                threshold = level;
            }
        }
        return threshold;
    }

    /**
     * How high the paper's noise reaches: its upper quartile times {@value #NOISE_PER_QUARTILE}. Ink is the
     * distance from the paper's brightness, so half the paper's noise is cut to zero and its upper quartile is
     * about two thirds of a standard deviation; a quartile ignores the soft edges of strokes that fall below
     * the threshold, so clean paper has no noise at all. At most the threshold itself.
     */
    private static double noiseCeiling(int[] histogram, int threshold) {
        long count = 0;
        for (int level = 0; level <= threshold; level++) {
            count += histogram[level];
        }
        long seen = 0;
        for (int level = 0; level <= threshold; level++) {
            seen += histogram[level];
            if (4 * seen >= 3 * count) {
                return Math.min(threshold, NOISE_PER_QUARTILE * level);
            }
        }
        return threshold;
    }

    private static double median(int[] histogram, int from) {
        long count = 0;
        for (int level = from; level < LEVELS; level++) {
            count += histogram[level];
        }
        long seen = 0;
        for (int level = from; level < LEVELS; level++) {
            seen += histogram[level];
            if (2 * seen >= count) {
                return level;
            }
        }
        return LEVELS - 1;
    }

    private static void removeSpecks(float[] ink, int width, int height) {
        var components = InkComponents.of(ink, width, height, 0f);
        int largest = components.largestExtent();
        for (var component : components.all()) {
            if (component.extent() < SPECK * largest) {
                for (int i : component.pixels()) {
                    ink[i] = 0f;
                }
            }
        }
    }
}
