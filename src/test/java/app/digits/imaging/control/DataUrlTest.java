package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.digits.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

class DataUrlTest {

    @Test
    void splitsMediaTypeAndBytes() {
        var url = DataUrl.parse("data:image/png;base64,AQID");
        assertEquals("image/png", url.mediaType());
        assertArrayEquals(new byte[] {1, 2, 3}, url.bytes());
    }

    @Test
    void rejectsMalformedUrls() {
        assertEquals("Expected a data URL starting with 'data:'",
                assertThrows(ProblemException.class, () -> DataUrl.parse("http://example.org/x.png")).detail());
        assertEquals(400, assertThrows(ProblemException.class, () -> DataUrl.parse(null)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> DataUrl.parse("data:image/png,abc")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> DataUrl.parse("data:image/png;base64,@@@")).status());
    }

    @Test
    void roundTripsWithThePngEncoder() {
        var png = PngImages.greyLevels(new byte[784], 28);
        assertArrayEquals(png, DataUrl.parse(PngImages.dataUrl(png)).bytes());
    }
}
