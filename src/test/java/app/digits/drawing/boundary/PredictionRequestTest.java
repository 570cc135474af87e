package app.digits.drawing.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.digits.platform.control.JsonBodies;
import app.digits.platform.control.ProblemException;
import java.nio.charset.StandardCharsets;
import app.digits.prediction.control.DrawingInput;
import org.junit.jupiter.api.Test;

class PredictionRequestTest {

    @Test
    void aDataUrlBecomesAnEncodedImage() {
        var input = new PredictionRequest("data:image/png;base64,AQID", null).toInput();
        assertArrayEquals(new byte[] {1, 2, 3}, assertInstanceOf(DrawingInput.EncodedImage.class, input).bytes());
    }

    @Test
    void pixelsBecomeGreyLevels() {
        var input = new PredictionRequest(null, new int[] {0, 255}).toInput();
        assertArrayEquals(new int[] {0, 255}, assertInstanceOf(DrawingInput.GreyLevels.class, input).values());
    }

    @Test
    void exactlyOneOfImageOrPixelsIsRequired() {
        assertEquals(400, assertThrows(ProblemException.class, () -> new PredictionRequest(null, null).toInput()).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> new PredictionRequest("data:image/png;base64,AQID", new int[784]).toInput()).status());
    }

    private static String pixelsBody(String separator, String... replacements) {
        var values = new String[784];
        for (int i = 0; i < values.length; i++) {
            values[i] = String.valueOf(i % 256);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            values[Integer.parseInt(replacements[i])] = replacements[i + 1];
        }
        return "{\"pixels\":" + separator + "[" + String.join("," + separator, values) + "]}";
    }

    private static PredictionRequest parse(String json) {
        return PredictionRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUsualPixelsBodyIsReadAsTheStrictReaderReadsIt() {
        for (var body : new String[] {pixelsBody(""), pixelsBody(" \n\t"), " " + pixelsBody("\r\n") + "\n"}) {
            assertArrayEquals(JsonBodies.parse(body.getBytes(StandardCharsets.UTF_8), PredictionRequest.class).pixels(),
                    parse(body).pixels(), body.substring(0, 40));
        }
        assertArrayEquals(new int[] {0, 7, 255}, parse("{\"pixels\": [0, 7, 255]}").pixels());
    }

    @Test
    void anyOtherPixelsBodyGetsTheStrictReadersAnswer() {
        assertEquals("Pixel 3 is 255.5; values must be whole numbers 0-255", assertThrows(ProblemException.class,
                () -> parse(pixelsBody("", "3", "255.5"))).detail());
        assertEquals("Pixel 5 is 256; values must be whole numbers 0-255", assertThrows(ProblemException.class,
                () -> parse(pixelsBody("", "5", "256"))).detail());
        assertEquals("Pixel 0 is 1000; values must be whole numbers 0-255", assertThrows(ProblemException.class,
                () -> parse(pixelsBody("", "0", "1000"))).detail());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse(pixelsBody("", "9", "\"9\""))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse(pixelsBody("", "9", "-1"))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse(pixelsBody("") + "x")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("{\"pixels\": [1], \"pixels\": [2]}")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("{\"pixels\": [1], \"colour\": 2}")).status());
        assertEquals("Send exactly one of 'image' (a data URL) or 'pixels' (784 values 0-255)",
                assertThrows(ProblemException.class, () -> parse("{\"pixels\": [1], \"image\": \"data:,\"}").toInput()).detail());
    }

    private static String refusal(String json, Class<?> type) {
        return assertThrows(ProblemException.class, () -> JsonBodies.parse(json.getBytes(StandardCharsets.UTF_8), type)).detail();
    }

    @Test
    void pixelsAreWholeNumbers0To255WhenTheJsonIsRead() {
        var values = new String[784];
        java.util.Arrays.fill(values, "0");
        values[12] = "4294967396";
        assertEquals("Pixel 12 is 4294967396; values must be whole numbers 0-255",
                refusal("{\"pixels\": [" + String.join(",", values) + "]}", PredictionRequest.class));
    }

    @Test
    void aLabelIsAWholeNumber0To9WhenTheJsonIsRead() {
        assertEquals("The digit must be a whole number 0-9, not 4294967303",
                refusal("{\"digit\": 4294967303}", PredictionResource.Label.class));
        assertEquals("The digit must be a whole number 0-9, not \"7\"", refusal("{\"digit\": \"7\"}", PredictionResource.Label.class));
        assertEquals("The digit must be a whole number 0-9, not 7.5", refusal("{\"digit\": 7.5}", PredictionResource.Label.class));
    }
}
