package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.ProblemException;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(200_000, 1_000_000);

    private int statusOf(byte[] bytes) {
        return assertThrows(ProblemException.class, () -> decoder.decode(bytes)).status();
    }

    @Test
    void decodesPngAndJpeg() {
        var drawing = Sketches.blackOnWhite(10, 10, 100);
        assertEquals(280, decoder.decode(Sketches.encode(drawing, "png")).getWidth());
        assertEquals(280, decoder.decode(Sketches.encode(drawing, "jpeg")).getHeight());
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertEquals(400, statusOf(new byte[0]));
    }

    @Test
    void somethingElseThanAnImageIsUnsupported() {
        assertEquals(415, statusOf("hello, I am text".getBytes()));
    }

    @Test
    void otherImageFormatsAreUnsupported() {
        var gif = Sketches.encode(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_INDEXED), "gif");
        var error = assertThrows(ProblemException.class, () -> decoder.decode(gif));
        assertEquals(415, error.status());
        assertEquals("Only PNG and JPEG images are accepted, not gif", error.detail());
    }

    @Test
    void tooManyBytesIsRefusedBeforeDecoding() {
        assertEquals(413, statusOf(new byte[200_001]));
    }

    @Test
    void tooManyPixelsIsRefusedFromTheHeaderAlone() {
        var huge = Sketches.encode(new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_BINARY), "png");
        assertTrue(huge.length < 200_000, "the file itself is small: " + huge.length);
        var error = assertThrows(ProblemException.class, () -> decoder.decode(huge));
        assertEquals(413, error.status());
        assertEquals("The image is 2000x1000 pixels; the limit is 1000000 pixels in all", error.detail());
    }

    @Test
    void aTruncatedPngIsABadRequest() {
        var png = Sketches.encode(Sketches.blackOnWhite(10, 10, 200), "png");
        var error = assertThrows(ProblemException.class, () -> decoder.decode(Arrays.copyOf(png, png.length / 2)));
        assertEquals(400, error.status());
        assertEquals("The image could not be decoded: it is corrupt or truncated", error.detail());
    }
}
