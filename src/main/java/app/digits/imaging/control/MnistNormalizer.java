package app.digits.imaging.control;

import java.util.Optional;

/**
 * Turns an ink map into an MNIST-like 28x28 image the way MNIST itself was made: crop to the ink's bounding
 * box, bring the strokes to MNIST's width ({@link StrokeWidth}), scale it to fit a 20x20 box keeping its
 * aspect ratio (area-averaging, so strokes are anti-aliased rather than dropped), and place it in a 28x28
 * field with its centre of mass at the centre. A drawing whose
 * ink is too faint or too small to be a digit gives no image at all: the caller answers "no digit drawn"
 * instead of guessing.
 */
public final class MnistNormalizer {

    public static final int SIDE = 28;
    static final int BOX = 20;
    private static final float INK_THRESHOLD = 0.1f;
    private static final double MIN_EXTENT = 0.08;
    /**
     * Where MNIST puts the centre of mass, measured in pixel units from the image's edge: 14.5, the centre
     * of pixel 14 (MNIST computed it on pixel indices). Half a pixel off, an MLP loses about a point.
     */
    private static final double MNIST_CENTRE = SIDE / 2.0 + 0.5;

    private MnistNormalizer() {
    }

    /** The 784 grey levels (0 background, 255 ink, row-major), or empty when nothing digit-like is drawn. */
    public static Optional<byte[]> normalize(InkMap map) {
        var found = boundingBox(map);
        if (found == null || Math.max(found.width(), found.height()) < MIN_EXTENT * Math.max(map.width(), map.height())) {
            return Optional.empty();
        }
        var digit = StrokeWidth.normalized(new InkMap(found.width(), found.height(), crop(map, found)));
        var box = boundingBox(digit);
        double scale = (double) BOX / Math.max(box.width(), box.height());
        int width = Math.max(1, (int) Math.round(box.width() * scale));
        int height = Math.max(1, (int) Math.round(box.height() * scale));
        var scaled = resample(crop(digit, box), box.width(), box.height(), width, height);
        return Optional.of(centreOnMass(scaled, width, height));
    }

    private record Box(int left, int top, int width, int height) {
    }

    private static Box boundingBox(InkMap map) {
        int left = map.width();
        int top = map.height();
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                if (map.at(x, y) > INK_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? null : new Box(left, top, right - left + 1, bottom - top + 1);
    }

    private static float[] crop(InkMap map, Box box) {
        var cropped = new float[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            for (int x = 0; x < box.width(); x++) {
                cropped[y * box.width() + x] = map.at(box.left() + x, box.top() + y);
            }
        }
        return cropped;
    }

    /** Area-averaging resampling, separable: rows first, then columns. */
    static float[] resample(float[] source, int width, int height, int newWidth, int newHeight) {
        var rows = new float[newWidth * height];
        var across = Overlaps.of(width, newWidth);
        for (int y = 0; y < height; y++) {
            across.resample(source, y * width, 1, rows, y * newWidth, 1);
        }
        var result = new float[newWidth * newHeight];
        var down = Overlaps.of(height, newHeight);
        for (int x = 0; x < newWidth; x++) {
            down.resample(rows, x, newWidth, result, x, newWidth);
        }
        return result;
    }

    /**
     * How much of each input pixel of a line falls in each output pixel, worked out once per image rather than
     * for every row and column: output pixel {@code i} covers inputs {@code first[i]} onwards, with the
     * weights {@code overlaps[start[i]]} to {@code overlaps[start[i + 1] - 1]}.
     */
    private record Overlaps(double ratio, int[] first, int[] start, double[] overlaps) {

        static Overlaps of(int inLength, int outLength) {
            double ratio = (double) inLength / outLength;
            var first = new int[outLength];
            var start = new int[outLength + 1];
            var overlaps = new double[inLength + 2 * outLength];
            int n = 0;
            for (int i = 0; i < outLength; i++) {
                double from = i * ratio;
                double to = from + ratio;
                first[i] = (int) Math.floor(from);
                start[i] = n;
                for (int j = first[i]; j < Math.min(inLength, (int) Math.ceil(to)); j++) {
                    overlaps[n++] = Math.min(to, j + 1) - Math.max(from, j);
                }
            }
            start[outLength] = n;
            return new Overlaps(ratio, first, start, overlaps);
        }

        void resample(float[] in, int inStart, int inStride, float[] out, int outStart, int outStride) {
            for (int i = 0; i < first.length; i++) {
                double sum = 0;
                int at = inStart + first[i] * inStride;
                for (int k = start[i]; k < start[i + 1]; k++, at += inStride) {
                    sum += overlaps[k] * in[at];
                }
                out[outStart + i * outStride] = (float) (sum / ratio);
            }
        }
    }

    private static byte[] centreOnMass(float[] image, int width, int height) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = image[y * width + x];
                mass += value;
                sumX += value * (x + 0.5);
                sumY += value * (y + 0.5);
            }
        }
        int offsetX = (int) Math.round(MNIST_CENTRE - sumX / mass);
        int offsetY = (int) Math.round(MNIST_CENTRE - sumY / mass);
        var pixels = new byte[SIDE * SIDE];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int targetX = x + offsetX;
                int targetY = y + offsetY;
                if (targetX >= 0 && targetX < SIDE && targetY >= 0 && targetY < SIDE) {
                    pixels[targetY * SIDE + targetX] = (byte) Math.round(Math.min(1f, image[y * width + x]) * 255);
                }
            }
        }
        return pixels;
    }
}
