package app.digits.imaging.control;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * How much ink each pixel of a drawing holds, from 0 (background) to 1 (the strongest stroke), whatever the
 * image's polarity: ink on a transparent background is read from the alpha channel; otherwise the
 * background's brightness is taken from the border and ink is the distance from it, so white-on-black and
 * black-on-white drawings give the same map. Its contrast is then normalized ({@link InkContrast}): faint
 * or dark, on white or grey paper, clean or noisy, the strokes come out as full ink on empty background. A
 * drawing with no real contrast gives an all-zero map.
 */
public record InkMap(int width, int height, float[] ink) {

    public float at(int x, int y) {
        return ink[y * width + x];
    }

    /** The image's ink at its own resolution (what the captcha compares with the strokes it was drawn with). */
    public static InkMap of(BufferedImage image) {
        return new InkMap(image.getWidth(), image.getHeight(), InkContrast.normalized(raw(image), image.getWidth(), image.getHeight()));
    }

    /**
     * How much ink each pixel holds before the contrast is normalized: the distance from the background,
     * row-major. Reads the image a row at a time: a full ARGB copy of a 4-megapixel upload would cost another
     * 16 MB per request on top of the decoded image and the map itself.
     */
    static float[] raw(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        var raw = new float[width * height];
        boolean fromAlpha = image.getColorModel().hasAlpha() && borderMedian(image, InkMap::alpha) < 0.5f;
        float background = fromAlpha ? 0f : borderMedian(image, InkMap::luminance);
        boolean lightBackground = background > 0.5f;
        var rows = Rows.of(image);
        var row = new int[width];
        for (int y = 0; y < height; y++) {
            rows.read(y, row);
            for (int x = 0; x < width; x++) {
                float value;
                if (fromAlpha) {
                    value = alpha(row[x]);
                } else {
                    float difference = luminance(row[x]) - background;
                    value = Math.max(0f, lightBackground ? -difference : difference);
                }
                raw[y * width + x] = value;
            }
        }
        return raw;
    }

    /** An ink map straight from grey levels where 0 is background and 255 is ink, as MNIST stores them. */
    public static InkMap ofGreyLevels(int width, int height, int[] levels) {
        var raw = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            raw[i] = levels[i] / 255f;
        }
        return new InkMap(width, height, InkContrast.normalized(raw, width, height));
    }

    /**
     * Reads a row of the image as ARGB values, as {@link BufferedImage#getRGB} gives them. What decoders give
     * for 8-bit RGB and RGBA images (PNG, JPEG) is read straight from its bytes: {@code getRGB} goes through
     * the colour model pixel by pixel, which cost more than everything else this map does. Other images go
     * through {@code getRGB}.
     */
    @FunctionalInterface
    private interface Rows {
        void read(int y, int[] argb);

        static Rows of(BufferedImage image) {
            int width = image.getWidth();
            if (image.getColorModel() instanceof ComponentColorModel model && model.getColorSpace().isCS_sRGB()
                    && !model.isAlphaPremultiplied() && model.getTransferType() == DataBuffer.TYPE_BYTE
                    && Arrays.stream(model.getComponentSize()).allMatch(bits -> bits == 8)
                    && image.getRaster().getSampleModel() instanceof ComponentSampleModel layout
                    && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                    && layout.getNumBands() == model.getNumComponents()
                    && Arrays.stream(layout.getBankIndices()).allMatch(bank -> bank == 0)
                    && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
                var bytes = buffer.getData();
                int[] offsets = layout.getBandOffsets();
                int stride = layout.getPixelStride();
                int scanline = layout.getScanlineStride();
                int base = buffer.getOffset();
                boolean alpha = model.hasAlpha();
                return (y, argb) -> {
                    int start = base + y * scanline;
                    for (int x = 0, at = start; x < width; x++, at += stride) {
                        int a = alpha ? bytes[at + offsets[3]] & 0xFF : 0xFF;
                        argb[x] = a << 24 | (bytes[at + offsets[0]] & 0xFF) << 16 | (bytes[at + offsets[1]] & 0xFF) << 8
                                | bytes[at + offsets[2]] & 0xFF;
                    }
                };
            }
            return (y, argb) -> image.getRGB(0, y, width, 1, argb, 0, width);
        }
    }

    private interface Channel {
        float of(int argb);
    }

    private static float alpha(int argb) {
        return (argb >>> 24) / 255f;
    }

    private static float luminance(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }

    private static float borderMedian(BufferedImage image, Channel channel) {
        int width = image.getWidth();
        int height = image.getHeight();
        var border = new float[2 * width + 2 * Math.max(0, height - 2)];
        int n = 0;
        for (int x = 0; x < width; x++) {
            border[n++] = channel.of(image.getRGB(x, 0));
            if (height > 1) {
                border[n++] = channel.of(image.getRGB(x, height - 1));
            }
        }
        for (int y = 1; y < height - 1; y++) {
            border[n++] = channel.of(image.getRGB(0, y));
            if (width > 1) {
                border[n++] = channel.of(image.getRGB(width - 1, y));
            }
        }
        var values = Arrays.copyOf(border, n);
        Arrays.sort(values);
        return values[n / 2];
    }
}
