package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import java.awt.image.BufferedImage;

/**
 * A layer of ink, 0 (none) to 1 (full), on which the robustness sets are drawn before they are put on paper:
 * an MNIST digit enlarged smoothly, then thinned, thickened, rotated, moved or scaled. Enlarging is bicubic,
 * shrinking area-averaged, rotating bilinear; stroke width comes from a skeleton and a nearly round dilation.
 */
record Ink(int width, int height, float[] values) {

    float at(int x, int y) {
        return values[y * width + x];
    }

    /** An MNIST test digit enlarged {@code scale} times with bicubic interpolation. */
    static Ink of(LabelledImage image, int scale) {
        var grey = new Ink(LabelledImage.SIDE, LabelledImage.SIDE, new float[LabelledImage.PIXELS]);
        for (int i = 0; i < LabelledImage.PIXELS; i++) {
            grey.values[i] = image.pixel(i) / 255f;
        }
        return grey.scaled(LabelledImage.SIDE * scale, LabelledImage.SIDE * scale);
    }

    /** The layer resized to {@code w x h}: bicubic when enlarging, area-averaged when shrinking. */
    Ink scaled(int w, int h) {
        if (w < width || h < height) {
            var target = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            var graphics = target.createGraphics();
            graphics.drawImage(toImage().getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
            graphics.dispose();
            return fromImage(target);
        }
        return resampled(w, true).resampled(h, false);
    }

    /**
     * Bicubic (Catmull-Rom) resampling along one axis, done here rather than by Java2D, which takes half a
     * second to enlarge a digit to 2000x2000.
     */
    private Ink resampled(int size, boolean horizontal) {
        int from = horizontal ? width : height;
        int across = horizontal ? height : width;
        var out = new Ink(horizontal ? size : width, horizontal ? height : size, new float[size * across]);
        double ratio = (double) from / size;
        for (int t = 0; t < size; t++) {
            double centre = (t + 0.5) * ratio - 0.5;
            int base = (int) Math.floor(centre);
            var weights = new double[4];
            for (int k = 0; k < 4; k++) {
                weights[k] = catmullRom(centre - (base - 1 + k));
            }
            for (int a = 0; a < across; a++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    int s = Math.clamp(base - 1 + k, 0, from - 1);
                    sum += weights[k] * (horizontal ? values[a * width + s] : values[s * width + a]);
                }
                out.values[horizontal ? a * size + t : t * width + a] = (float) Math.clamp(sum, 0, 1);
            }
        }
        return out;
    }

    private static double catmullRom(double distance) {
        double x = Math.abs(distance);
        return x < 1 ? 1.5 * x * x * x - 2.5 * x * x + 1 : x < 2 ? -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2 : 0;
    }

    /**
     * The layer turned by {@code degrees} (clockwise) about its centre, on a canvas of the same size, each
     * pixel read back from the unturned layer with bilinear interpolation (Java2D's own transform of a grey
     * image leaves ragged edges).
     */
    Ink rotated(double degrees) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        var out = new Ink(width, height, new float[values.length]);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sx = cos * (x - cx) + sin * (y - cy) + cx;
                double sy = -sin * (x - cx) + cos * (y - cy) + cy;
                out.values[y * width + x] = bilinear(sx, sy);
            }
        }
        return out;
    }

    private float bilinear(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * inkAt(x0, y0) + fx * inkAt(x0 + 1, y0))
                + fy * ((1 - fx) * inkAt(x0, y0 + 1) + fx * inkAt(x0 + 1, y0 + 1)));
    }

    private float inkAt(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : values[y * width + x];
    }

    /** The smallest rectangle holding all ink above {@code level}, as a new layer. */
    Ink cropped(float level) {
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (at(x, y) > level) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return this;
        }
        var crop = new Ink(right - left + 1, bottom - top + 1, new float[(right - left + 1) * (bottom - top + 1)]);
        for (int y = top; y <= bottom; y++) {
            System.arraycopy(values, y * width + left, crop.values, (y - top) * crop.width, crop.width);
        }
        return crop;
    }

    /**
     * Thickened by about {@code radius} pixels on every side: each pass lets every pixel take the strongest ink
     * next to it, alternating square and cross neighbourhoods so the pen stays nearly round (an octagon).
     */
    Ink dilated(int radius) {
        var current = values;
        for (int pass = 0; pass < radius; pass++) {
            boolean square = pass % 2 == 0;
            var out = new float[current.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float max = current[y * width + x];
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            int yy = y + dy;
                            if ((square || dx == 0 || dy == 0) && xx >= 0 && xx < width && yy >= 0 && yy < height) {
                                max = Math.max(max, current[yy * width + xx]);
                            }
                        }
                    }
                    out[y * width + x] = max;
                }
            }
            current = out;
        }
        return new Ink(width, height, current);
    }

    /**
     * The centre line of the strokes (Zhang-Suen thinning of the ink above one half): one pixel wide, the
     * stroke a fine pen would leave, to be thickened again to the pen's width.
     */
    Ink skeleton() {
        var on = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            on[i] = values[i] > 0.5f;
        }
        boolean changed = true;
        while (changed) {
            changed = thinningPass(on, 0) | thinningPass(on, 1);
        }
        var out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = on[i] ? 1f : 0f;
        }
        return new Ink(width, height, out);
    }

    private boolean thinningPass(boolean[] on, int step) {
        var remove = new java.util.ArrayList<Integer>();
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                if (!on[i]) {
                    continue;
                }
                boolean[] p = {on[i - width], on[i - width + 1], on[i + 1], on[i + width + 1], on[i + width],
                        on[i + width - 1], on[i - 1], on[i - width - 1]};
                int neighbours = 0;
                int transitions = 0;
                for (int k = 0; k < 8; k++) {
                    neighbours += p[k] ? 1 : 0;
                    transitions += !p[k] && p[(k + 1) % 8] ? 1 : 0;
                }
                boolean first = step == 0 ? !(p[0] && p[2] && p[4]) && !(p[2] && p[4] && p[6])
                        : !(p[0] && p[2] && p[6]) && !(p[0] && p[4] && p[6]);
                if (neighbours >= 2 && neighbours <= 6 && transitions == 1 && first) {
                    remove.add(i);
                }
            }
        }
        remove.forEach(i -> on[i] = false);
        return !remove.isEmpty();
    }

    /** Softened by a box blur of {@code radius}: anti-aliased edges, or a scanner's slight blur. */
    Ink blurred(int radius) {
        var out = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
                    for (int xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
                        sum += values[yy * width + xx];
                        n++;
                    }
                }
                out[y * width + x] = sum / n;
            }
        }
        return new Ink(width, height, out);
    }

    /** The total ink, to compare stroke widths. */
    double total() {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    BufferedImage toImage() {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) Math.round(Math.clamp(values[i], 0f, 1f) * 255);
        }
        image.getRaster().setDataElements(0, 0, width, height, bytes);
        return image;
    }

    static Ink fromImage(BufferedImage grey) {
        var bytes = (byte[]) grey.getRaster().getDataElements(0, 0, grey.getWidth(), grey.getHeight(), null);
        var values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = (bytes[i] & 0xFF) / 255f;
        }
        return new Ink(grey.getWidth(), grey.getHeight(), values);
    }
}
