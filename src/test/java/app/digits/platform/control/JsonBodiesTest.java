package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    public record Sample(String name, int[] values) {
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesARecord() {
        var sample = JsonBodies.parse(utf8("{\"name\":\"a\",\"values\":[1,2]}"), Sample.class);
        assertEquals("a", sample.name());
        assertArrayEquals(new int[] {1, 2}, sample.values());
    }

    @Test
    void malformedJsonIsABadRequestSayingWhy() {
        var error = assertThrows(ProblemException.class, () -> JsonBodies.parse(utf8("{\"name\":"), Sample.class));
        assertEquals(400, error.status());
        assertTrue(error.detail().startsWith("Malformed JSON: "), error.detail());
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
        assertEquals(400, assertThrows(ProblemException.class,
                () -> JsonBodies.parse(utf8("{\"values\":\"many\"}"), Sample.class)).status());
    }
}
