package app.digits.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public class StrictJsonReaderTest {

    public record Order(Integer folds) {
    }

    @SuppressWarnings("unused")
    void resourceMethod(@BodyLimit(value = 20, what = "The order") Order order) {
    }

    private final StrictJsonReader reader = new StrictJsonReader();

    StrictJsonReaderTest() {
        reader.maxBodyBytes = 100;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json, Annotation... annotations) {
        return reader.readFrom((Class) Order.class, Order.class, annotations, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Annotation[] limitOfTheParameter() throws NoSuchMethodException {
        return StrictJsonReaderTest.class.getDeclaredMethod("resourceMethod", Order.class).getParameterAnnotations()[0];
    }

    @Test
    void bindsARecordStrictly() {
        assertEquals(new Order(3), read("{\"folds\": 3}"));
        assertEquals(400, assertThrows(ProblemException.class, () -> read("{\"folds\": 3.5}")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> read("{\"folds\": 3, \"other\": 1}")).status());
    }

    @Test
    void theServerWideLimitOrTheParametersOwnStopsTheReading() throws Exception {
        var padded = "{\"folds\": 3" + " ".repeat(50) + "}";
        assertEquals(new Order(3), read(padded));
        var refused = assertThrows(ProblemException.class, () -> read(padded, limitOfTheParameter()));
        assertEquals(413, refused.status());
        assertEquals("The order is larger than the limit of 20 bytes", refused.detail());
        assertEquals(413, assertThrows(ProblemException.class, () -> read("{\"folds\": 3" + " ".repeat(200) + "}")).status());
    }

    @Test
    void readsRecordsOnlyLeavingOtherTypesToJsonB() {
        assertTrue(reader.isReadable(Order.class, Order.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertFalse(reader.isReadable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    }
}
