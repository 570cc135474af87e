package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class InkMapTest {

    /** A noisy drawing: soft strokes of varied colours and opacities over a background of the given colour. */
    private static BufferedImage drawing(int type, Color background) {
        var image = new BufferedImage(120, 90, type);
        var graphics = image.createGraphics();
        graphics.setColor(background);
        graphics.fillRect(0, 0, 120, 90);
        var random = new Random(3);
        for (int stroke = 0; stroke < 12; stroke++) {
            graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 40 + random.nextInt(216)));
            graphics.fillOval(random.nextInt(100), random.nextInt(70), 5 + random.nextInt(30), 5 + random.nextInt(30));
        }
        graphics.dispose();
        return image;
    }

    private static BufferedImage decoded(BufferedImage image, String format) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(format.equals("png") ? PngImages.encode(image) : jpeg(image)));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The same pixels in an image whose colour model reads them one by one (not a byte raster). */
    private static BufferedImage asIntArgb(BufferedImage image) {
        var copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                copy.setRGB(x, y, image.getRGB(x, y));
            }
        }
        return copy;
    }

    @Test
    void decodedPngAndJpegBytesGiveTheSameInkAsTheirPixelsReadOneByOne() throws IOException {
        var images = new BufferedImage[] {
            decoded(drawing(BufferedImage.TYPE_INT_ARGB, new Color(0, 0, 0, 0)), "png"),
            decoded(drawing(BufferedImage.TYPE_INT_RGB, Color.WHITE), "png"),
            decoded(drawing(BufferedImage.TYPE_INT_RGB, new Color(30, 40, 20)), "jpeg"),
            drawing(BufferedImage.TYPE_4BYTE_ABGR, new Color(250, 240, 200, 255)),
            drawing(BufferedImage.TYPE_3BYTE_BGR, Color.WHITE)};
        for (var image : images) {
            var ink = InkMap.of(image).ink();
            assertArrayEquals(InkMap.of(asIntArgb(image)).ink(), ink, "image of type " + image.getType());
            float max = 0;
            for (float value : ink) {
                max = Math.max(max, value);
            }
            assertTrue(max > 0.5f, "the drawing has ink");
        }
    }
}
