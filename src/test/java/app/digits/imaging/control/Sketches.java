package app.digits.imaging.control;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Synthetic drawings for the imaging tests (a "7"-like stroke drawn anywhere, at any size, pen and polarity)
 * and how the tests compare what the normalizer makes of them.
 */
public final class Sketches {

    private Sketches() {
    }

    /** A seven of the given height with its top-left corner at (x, y), stroke width proportional to its size. */
    public static BufferedImage seven(int width, int height, int x, int y, int size, Color ink, Color background, int type) {
        return seven(width, height, x, y, size, size / 8f, ink, background, type);
    }

    /** A seven drawn with a pen {@code pen} pixels wide, whatever its size. */
    public static BufferedImage seven(int width, int height, double x, double y, double size, float pen, Color ink,
                                      Color background, int type) {
        var image = new BufferedImage(width, height, type);
        var graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (background != null) {
            graphics.setColor(background);
            graphics.fillRect(0, 0, width, height);
        }
        graphics.setColor(ink);
        graphics.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var path = new Path2D.Double();
        path.moveTo(x, y);
        path.lineTo(x + size * 0.7, y);
        path.lineTo(x + size * 0.25, y + size);
        graphics.draw(path);
        graphics.dispose();
        return image;
    }

    public static BufferedImage blackOnWhite(int x, int y, int size) {
        return seven(280, 280, x, y, size, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * The 28x28 image a model would see for the drawing sent as a single digit (its ink at the working
     * resolution); fails the test when no digit is found.
     */
    static byte[] normalize(BufferedImage image) {
        return MnistNormalizer.normalize(WorkingInk.digit(image).ink()).orElseThrow(() -> new AssertionError("no digit found"));
    }

    /** The mean absolute difference of two 28x28 images, in grey levels. */
    static double meanDifference(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / a.length;
    }

    public static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
