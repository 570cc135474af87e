package app.digits.drawing.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class EncodedImageReaderTest {

    @Test
    void aMultipartImagePartIsReadWhenItIsAPngAJpegOrJustBytes() {
        assertTrue(EncodedImageReader.reads(new MediaType("image", "png")));
        assertTrue(EncodedImageReader.reads(new MediaType("image", "jpeg")));
        assertTrue(EncodedImageReader.reads(new MediaType("IMAGE", "PNG", java.util.Map.of("name", "x"))));
        assertTrue(EncodedImageReader.reads(MediaType.APPLICATION_OCTET_STREAM_TYPE));
    }

    @Test
    void anyOtherPartIsNot() {
        assertFalse(EncodedImageReader.reads(MediaType.TEXT_PLAIN_TYPE));
        assertFalse(EncodedImageReader.reads(new MediaType("image", "gif")));
        assertFalse(EncodedImageReader.reads(MediaType.APPLICATION_JSON_TYPE));
        assertFalse(EncodedImageReader.reads(null));
    }
}
