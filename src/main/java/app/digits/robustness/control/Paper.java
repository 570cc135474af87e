package app.digits.robustness.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Puts a layer of ink on paper and encodes it the way a client sends it: the colours of the background and
 * the pen, how strongly the pen inks (faint pencil), a scanner's sensor noise, and PNG or lossy JPEG. The
 * noise comes from the sample's own seeded generator, so the same seed gives the same bytes.
 */
record Paper(int background, int pen, float strength, double noise) {

    static final Paper WHITE = new Paper(0xFFFFFF, 0x000000, 1f, 0);
    static final Paper BLACK = new Paper(0x000000, 0xFFFFFF, 1f, 0);

    BufferedImage draw(Ink ink, Random random) {
        var image = new BufferedImage(ink.width(), ink.height(), BufferedImage.TYPE_INT_RGB);
        var rgb = new int[ink.values().length];
        for (int i = 0; i < rgb.length; i++) {
            float amount = Math.clamp(ink.values()[i], 0f, 1f) * strength;
            double grain = noise == 0 ? 0 : random.nextGaussian() * noise;
            int colour = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int from = (background >> shift) & 0xFF;
                int to = (pen >> shift) & 0xFF;
                colour |= (int) Math.clamp(Math.round(from + (to - from) * amount + grain), 0, 255) << shift;
            }
            rgb[i] = colour;
        }
        image.setRGB(0, 0, ink.width(), ink.height(), rgb, 0, ink.width());
        return image;
    }

    /** PNG with fast compression (a 2000x2000 digit takes a few times less time, same pixels). */
    static byte[] png(BufferedImage image) {
        return encode(image, "png", 0.9f);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        return encode(image, "jpeg", quality);
    }

    private static byte[] encode(BufferedImage image, String format, float quality) {
        var writer = ImageIO.getImageWritersByFormatName(format).next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
