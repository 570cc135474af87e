package app.digits.imaging.control;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG encodings the app shows or stores: the 28x28 image a model saw (grey levels as MNIST shows them,
 * white ink on black), the same as ink on a transparent pad, and a size-bounded copy of an uploaded drawing.
 */
public final class PngImages {

    private static final int INK_RGB = 0x111111;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngImages() {
    }

    /**
     * The grey levels as dark ink on a transparent ground (the ink's opacity is the grey level): how a
     * drawing pad shows an MNIST image, ready to be drawn over.
     */
    public static byte[] ink(byte[] pixels, int side) {
        var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < side * side; i++) {
            image.setRGB(i % side, i / side, (pixels[i] & 0xFF) << 24 | INK_RGB);
        }
        return encode(image);
    }

    /**
     * A square of 8-bit grey levels as a PNG, written directly (signature, header, one compressed data chunk,
     * end): every prediction stores one, and going through ImageIO's writer lookup and streams cost several
     * times the compression itself.
     */
    public static byte[] greyLevels(byte[] pixels, int side) {
        var rows = new byte[side * (side + 1)];
        for (int y = 0; y < side; y++) {
            System.arraycopy(pixels, y * side, rows, y * (side + 1) + 1, side);
        }
        var deflater = new Deflater();
        deflater.setInput(rows);
        deflater.finish();
        var compressed = new ByteArrayOutputStream(side * side / 2 + 64);
        var buffer = new byte[1024];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        var header = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array();
        var out = new ByteArrayOutputStream(compressed.size() + 64);
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * What to keep of an uploaded drawing: the upload's own picture chunks ({@link PngWithoutMetadata}: no text,
     * EXIF or anything after its end) when it is a PNG whose longer side fits {@code maxSide}, otherwise
     * {@link #within}'s PNG of the decoded image. Keeping the bytes is safe: they start with the PNG signature
     * and decoded (the decoder picks its reader by that signature), so they are a PNG that can be shown as it
     * is, and their size is already bounded by the upload limit ({@code digits.upload.max-bytes}).
     * Re-encoding a 280x280 canvas cost a tenth of a PNG prediction's CPU to store the same pixels.
     */
    public static byte[] original(byte[] upload, BufferedImage image, int maxSide) {
        boolean png = upload.length >= SIGNATURE.length && Arrays.equals(upload, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
        if (!png || Math.max(image.getWidth(), image.getHeight()) > maxSide) {
            return within(image, maxSide);
        }
        return PngWithoutMetadata.of(upload).orElseGet(() -> within(image, maxSide));
    }

    /**
     * The image itself when its longer side fits {@code maxSide}, otherwise a smoothly scaled-down copy: halved
     * with bilinear filtering until the next halving would go below the target, then scaled to it. As smooth as
     * area averaging for a picture of strokes, and a few times faster on a 4-megapixel upload.
     */
    public static byte[] within(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return encode(image);
        }
        double scale = (double) maxSide / longer;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return encode(scaled(current, width, height));
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return scaled;
    }

    public static String dataUrl(byte[] png) {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }

    /**
     * The image as PNG bytes, written through a memory-cached stream (ImageIO's default stream for an output
     * stream caches in a temporary file).
     */
    public static byte[] encode(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(image, "png", stream);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding to memory failed", e);
        }
        return out.toByteArray();
    }
}
