package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    public record Sample(String name, int[] values) {
    }

    public record Drawing(String image, int[] pixels) {
    }

    public record Label(Integer digit) {
    }

    public record Order(List<String> algorithms, Map<String, String> grids, Integer folds, Long seed, Boolean drawings,
                        int count) {
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(String json, Class<?> type) {
        var error = assertThrows(ProblemException.class, () -> JsonBodies.parse(utf8(json), type));
        assertEquals(400, error.status());
        assertFalse(error.detail().matches("(?s).*(java\\.|Exception|Integer\\.|intValue).*"), error.detail());
        return error.detail();
    }

    private static String pixels(String value) {
        var values = new String[784];
        java.util.Arrays.fill(values, "0");
        values[12] = value;
        return "{\"pixels\": [" + String.join(",", values) + "]}";
    }

    @Test
    void parsesARecord() {
        var sample = JsonBodies.parse(utf8("{\"name\":\"a\",\"values\":[1,2]}"), Sample.class);
        assertEquals("a", sample.name());
        assertArrayEquals(new int[] {1, 2}, sample.values());
    }

    @Test
    void pixelsInRangeAreKept() {
        var drawing = JsonBodies.parse(utf8(pixels("255")), Drawing.class);
        assertEquals(255, drawing.pixels()[12]);
        assertEquals(784, drawing.pixels().length);
    }

    @Test
    void aWholeNumberWrittenWithAnExponentOrZeroFractionIsThatNumber() {
        assertEquals(100, JsonBodies.parse(utf8(pixels("1e2")), Drawing.class).pixels()[12]);
        assertEquals(255, JsonBodies.parse(utf8(pixels("255.0")), Drawing.class).pixels()[12]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"255.5", "-0.5", "\"200\"", "null", "true", "[1]", "{}"})
    void aPixelThatIsNotAWholeNumberIsRefusedNamingThePixel(String value) {
        assertEquals("'pixels[12]' must be a whole number, not " + value, refusal(pixels(value), Drawing.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967396", "1099511627776", "1e400", "1e99999999", "-1e400", "-2147483649"})
    void aPixelBeyondTheJavaTypeIsRefusedInsteadOfWrappingAround(String value) {
        var detail = refusal(pixels(value), Drawing.class);
        assertTrue(detail.matches("'pixels\\[12\\]' is [-+0-9E]+, too (large|small) a number"), detail);
    }

    @Test
    void theRangeOfAValueIsNotTheReadersConcern() {
        assertEquals(256, JsonBodies.parse(utf8(pixels("256")), Drawing.class).pixels()[12]);
        assertEquals(-1, JsonBodies.parse(utf8("{\"digit\": -1}"), Label.class).digit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "7.5", "false", "{}", "[7]"})
    void aLabelIsAWholeNumber(String value) {
        assertEquals("'digit' must be a whole number, not " + value, refusal("{\"digit\": " + value + "}", Label.class));
    }

    @Test
    void aLabelThatWouldWrapAroundIsRefused() {
        assertEquals("'digit' is 4294967303, too large a number", refusal("{\"digit\": 4294967303}", Label.class));
    }

    @Test
    void aLabelInRangeIsKeptAndAnAbsentOneIsNull() {
        assertEquals(7, JsonBodies.parse(utf8("{\"digit\": 7}"), Label.class).digit());
        assertEquals(null, JsonBodies.parse(utf8("{}"), Label.class).digit());
        assertEquals(null, JsonBodies.parse(utf8("{\"digit\": null}"), Label.class).digit());
    }

    @Test
    void integersWithoutARangeStillFitTheirJavaType() {
        assertEquals("'folds' is 4294967301, too large a number", refusal("{\"folds\": 4294967301}", Order.class));
        assertEquals("'values[1]' must be a whole number, not 2.5", refusal("{\"values\": [1, 2.5]}", Sample.class));
        assertEquals(4294967301L, JsonBodies.parse(utf8("{\"seed\": 4294967301, \"count\": 1}"), Order.class).seed());
    }

    @Test
    void aMissingPrimitiveIsNamedNotAJavaError() {
        assertEquals("'count' must be a whole number, not missing", refusal("{}", Order.class));
    }

    @Test
    void textBooleansListsAndMapsMustHaveTheirJsonType() {
        assertEquals("'name' must be text in quotes, not 5", refusal("{\"name\": 5}", Sample.class));
        assertEquals("'drawings' must be true or false, not \"yes\"", refusal("{\"drawings\": \"yes\", \"count\": 1}", Order.class));
        assertEquals("'algorithms' must be a list in square brackets, not \"svm\"", refusal("{\"algorithms\": \"svm\", \"count\": 1}", Order.class));
        assertEquals("'grids.svm' must be text in quotes, not 3", refusal("{\"grids\": {\"svm\": 3}, \"count\": 1}", Order.class));
        assertEquals("'algorithms[1]' must be text in quotes, not 2", refusal("{\"algorithms\": [\"svm\", 2], \"count\": 1}", Order.class));
    }

    @Test
    void unknownFieldsAreRefused() {
        assertEquals("Unknown field \"pixel\"; the fields are image, pixels", refusal("{\"pixel\": [1]}", Drawing.class));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals("The key \"digit\" appears twice", refusal("{\"digit\": 1, \"digit\": 2}", Label.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"digit\": 1} x", "{\"digit\": 1}{}", "{\"digit\": 1}]"})
    void anythingAfterTheValueIsRefused(String json) {
        refusal(json, Label.class);
    }

    @Test
    void deepNestingIsRefusedBeforeItCostsAnything() {
        var deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals("The JSON is nested more than 32 levels deep", refusal("{\"values\": " + deep + "}", Sample.class));
    }

    @Test
    void aVeryLongNumberIsRefused() {
        assertTrue(refusal(pixels("1" + "0".repeat(10_000)), Drawing.class).startsWith("A number in the body is longer than"));
    }

    @Test
    void invalidUtf8IsRefused() {
        var error = assertThrows(ProblemException.class,
                () -> JsonBodies.parse(new byte[] {'{', '"', 'a', (byte) 0xC3, '"', ':', '1', '}'}, Label.class));
        assertEquals("The request body is not valid UTF-8 text", error.detail());
    }

    @Test
    void malformedJsonIsABadRequestSayingWhere() {
        assertTrue(refusal("{\"name\":", Sample.class).startsWith("Malformed JSON at line 1, column "));
    }

    @Test
    void emptyAndNullBodiesAreBadRequests() {
        assertEquals("The request body is empty",
                assertThrows(ProblemException.class, () -> JsonBodies.parse(new byte[0], Sample.class)).detail());
        assertEquals("The request body is JSON null",
                assertThrows(ProblemException.class, () -> JsonBodies.parse(utf8("null"), Sample.class)).detail());
    }

    @Test
    void aWrongTypeIsABadRequest() {
        assertEquals("'values' must be a list in square brackets, not \"many\"", refusal("{\"values\":\"many\"}", Sample.class));
        assertEquals("The request body must be an object in curly braces, not [1]", refusal("[1]", Sample.class));
    }
}
