package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWithoutMetadataTest {

    /** Where the first chunk after the header starts: signature (8) and IHDR (12 + 13). */
    private static final int AFTER_HEADER = 33;

    private static BufferedImage stroke() {
        var image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(50, 10, 12, 70);
        graphics.dispose();
        return image;
    }

    private static byte[] chunk(String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(data.length + 12).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    private static byte[] inserted(byte[] png, byte[]... chunks) {
        var out = new ByteArrayOutputStream();
        out.write(png, 0, AFTER_HEADER);
        for (var chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.write(png, AFTER_HEADER, png.length - AFTER_HEADER);
        return out.toByteArray();
    }

    private static int[] argb(byte[] png) throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void aPngWithOnlyItsPictureIsKeptAsTheSameBytes() {
        var png = PngImages.encode(stroke());

        assertSame(png, PngWithoutMetadata.of(png).orElseThrow());
    }

    @Test
    void textExifAndTimeAreLeftOutAndThePictureIsTheSame() throws IOException {
        var plain = PngImages.encode(stroke());
        var tagged = inserted(plain, chunk("tEXt", "Author\0Jane Doe, 12 rue des Lilas".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("eXIf", "MM\0*GPS 48.8566 2.3522".getBytes(StandardCharsets.ISO_8859_1)), chunk("tIME", new byte[7]));
        assertTrue(contains(tagged, "Jane Doe"));

        var kept = PngWithoutMetadata.of(tagged).orElseThrow();

        assertFalse(contains(kept, "Jane Doe"), "the text chunk is gone");
        assertFalse(contains(kept, "GPS"), "the EXIF chunk is gone");
        assertArrayEquals(plain, kept, "exactly the picture's chunks remain");
        assertArrayEquals(argb(plain), argb(kept));
    }

    @Test
    void bytesAfterTheEndAreLeftOut() {
        var plain = PngImages.encode(stroke());
        var trailing = Arrays.copyOf(plain, plain.length + 1000);
        trailing[plain.length] = 'P';
        trailing[plain.length + 1] = 'K';

        assertArrayEquals(plain, PngWithoutMetadata.of(trailing).orElseThrow());
    }

    @Test
    void aCriticalChunkItDoesNotKnowIsNotTrusted() {
        var odd = inserted(PngImages.encode(stroke()), chunk("ABCD", new byte[4]));

        assertTrue(PngWithoutMetadata.of(odd).isEmpty());
    }

    @Test
    void aChunkLongerThanTheFileIsNotTrusted() {
        var png = PngImages.encode(stroke());
        var lying = inserted(png, chunk("tEXt", new byte[8]));
        ByteBuffer.wrap(lying).putInt(AFTER_HEADER, Integer.MAX_VALUE);

        assertTrue(PngWithoutMetadata.of(lying).isEmpty());
        assertTrue(PngWithoutMetadata.of(Arrays.copyOf(png, png.length - 12)).isEmpty(), "no end chunk");
    }

    @Test
    void anUploadCarryingMegabytesOfTextIsStoredAtThePicturesSize() throws IOException {
        var image = stroke();
        var plain = PngImages.encode(image);
        var heavy = inserted(plain, chunk("zTXt", new byte[1_500_000]));

        var stored = PngImages.original(heavy, image, 560);

        assertEquals(plain.length, stored.length);
        assertArrayEquals(argb(plain), argb(stored));
    }
}
