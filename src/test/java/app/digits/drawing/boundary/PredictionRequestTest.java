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
        assertEquals("'pixels[3]' must be a whole number, not 255.5", assertThrows(ProblemException.class,
                () -> parse(pixelsBody("", "3", "255.5"))).detail());
        assertEquals("'pixels[0]' is 1E+400, too large a number", assertThrows(ProblemException.class,
                () -> parse(pixelsBody("", "0", "1e400"))).detail());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse(pixelsBody("", "9", "\"9\""))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse(pixelsBody("") + "x")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("{\"pixels\": [1], \"pixels\": [2]}")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("{\"pixels\": [1], \"colour\": 2}")).status());
        assertEquals("Send exactly one of 'image' (a data URL) or 'pixels' (784 values 0-255)",
                assertThrows(ProblemException.class, () -> parse("{\"pixels\": [1], \"image\": \"data:,\"}").toInput()).detail());
    }

    /** The fast path gives exactly what the strict reading gives, or leaves the body to it. */
    @Test
    void theOnePassReadingAgreesWithTheStrictReading() {
        var bodies = new String[] {pixelsBody(""), pixelsBody(" \n\t"), pixelsBody("", "5", "256"), pixelsBody("", "5", "-1"),
                pixelsBody("", "5", "007"), pixelsBody("", "5", "1e2"), pixelsBody("", "5", "255.0"), pixelsBody("", "5", "-0"),
                "{\"pixels\": []}", "{\"pixels\": [0, 7, 255]}", "{\"pixels\": [0,]}", "{\"pixels\": [1] }  ",
                "{\"pixels\": [1]}{}", "{\"pixels\" : [ 1 , 2 ] }", "{\"image\": null, \"pixels\": [1]}"};
        for (var body : bodies) {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            Object strict;
            try {
                strict = java.util.Arrays.toString(JsonBodies.parse(bytes, PredictionRequest.class).pixels());
            } catch (ProblemException e) {
                strict = e.detail();
            }
            Object fast;
            try {
                fast = java.util.Arrays.toString(PredictionRequest.parse(bytes).pixels());
            } catch (ProblemException e) {
                fast = e.detail();
            }
            assertEquals(strict, fast, body.length() > 60 ? body.substring(0, 60) : body);
        }
    }

    private static final jakarta.validation.Validator VALIDATOR =
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    private static String violations(Object request) {
        return app.digits.platform.control.Violations.problem(VALIDATOR.validate(request)).detail();
    }

    @Test
    void pixelsAre784GreyLevels0To255() {
        assertEquals(0, VALIDATOR.validate(parse(pixelsBody(""))).size());
        assertEquals("'pixels' has 256 at index 5; grey levels are whole numbers 0-255", violations(parse(pixelsBody("", "5", "256"))));
        assertEquals("'pixels' has -1 at index 0; grey levels are whole numbers 0-255", violations(parse(pixelsBody("", "0", "-1"))));
        assertEquals("'pixels' has 3 values; a drawing is 784 grey levels (28x28)", violations(parse("{\"pixels\": [0, 7, 255]}")));
        assertEquals(0, VALIDATOR.validate(new PredictionRequest("data:image/png;base64,AQID", null)).size());
    }

    @Test
    void aLabelIsADigit0To9() {
        assertEquals(0, VALIDATOR.validate(new PredictionResource.Label(7)).size());
        assertEquals("'digit' must be a whole number 0-9", violations(new PredictionResource.Label(10)));
        assertEquals("'digit' must be a whole number 0-9", violations(new PredictionResource.Label(-1)));
        assertEquals("'digit' is missing: send the digit the drawing shows, 0-9", violations(new PredictionResource.Label(null)));
    }

    private static String refusal(String json, Class<?> type) {
        return assertThrows(ProblemException.class, () -> JsonBodies.parse(json.getBytes(StandardCharsets.UTF_8), type)).detail();
    }

    @Test
    void aLabelIsAWholeNumberWhenTheJsonIsRead() {
        assertEquals("'digit' is 4294967303, too large a number", refusal("{\"digit\": 4294967303}", PredictionResource.Label.class));
        assertEquals("'digit' must be a whole number, not \"7\"", refusal("{\"digit\": \"7\"}", PredictionResource.Label.class));
        assertEquals("'digit' must be a whole number, not 7.5", refusal("{\"digit\": 7.5}", PredictionResource.Label.class));
        assertEquals("The request body must be an object in curly braces, not [7]", refusal("[7]", PredictionResource.Label.class));
    }
}
