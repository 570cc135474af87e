package app.digits.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.enterprise.context.NormalScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

public class StrictJsonReaderTest {

    public record Order(Integer folds) implements JsonRequest {
    }

    @SuppressWarnings("unused")
    void resourceMethod(@BodyLimit(value = 20, what = "The order") Order order) {
    }

    private final StrictJsonReader reader = new StrictJsonReader(100);

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
    void readsRequestRecordsOnlyLeavingOtherTypesToJsonB() {
        assertTrue(reader.isReadable(Order.class, Order.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertFalse(reader.isReadable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertFalse(reader.isReadable(Plain.class, Plain.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    }

    record Plain(int folds) {
    }

    /**
     * What JAX-RS ranks readers by, read as Jersey reads it, from the provider's class: the type argument of
     * {@code MessageBodyReader} (nearer to the body's class than JSON-B's {@code Object}) and {@code @Consumes}.
     * A CDI client proxy in place of the class carries neither, and the strict reader then lost to JSON-B now
     * and then; so no body reader of the app may be a normal-scoped (proxied) bean.
     */
    @Test
    void everyBodyReaderDeclaresItsTypeAndMediaTypesOnItsOwnClassAndIsNeverProxied() {
        var readers = new ClassFileImporter().importPackages("app.digits").stream()
                .filter(c -> c.isAssignableTo(MessageBodyReader.class) && !c.isInterface()).map(JavaClass::reflect).toList();
        assertTrue(readers.contains(StrictJsonReader.class), readers.toString());
        for (var reader : readers) {
            var declared = Arrays.stream(reader.getGenericInterfaces()).filter(ParameterizedType.class::isInstance)
                    .map(ParameterizedType.class::cast).filter(t -> t.getRawType() == MessageBodyReader.class).findFirst();
            assertTrue(declared.isPresent(), reader + " implements MessageBodyReader<T> itself");
            assertNotEquals(Object.class, declared.get().getActualTypeArguments()[0], reader.toString());
            assertTrue(reader.isAnnotationPresent(Consumes.class), reader + " has @Consumes");
            assertFalse(Arrays.stream(reader.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(NormalScope.class)),
                    reader + " is not a normal-scoped CDI bean");
        }
        var strictType = (Class<?>) ((ParameterizedType) StrictJsonReader.class.getGenericInterfaces()[0]).getActualTypeArguments()[0];
        assertTrue(strictType.isAssignableFrom(Order.class));
    }

    /**
     * A record that a resource method takes as its JSON body and that does not implement {@link JsonRequest} would
     * be read by JSON-B, leniently: every such parameter must name a {@code JsonRequest}.
     */
    @Test
    void everyRecordTakenAsAJsonBodyIsAJsonRequest() {
        var bodies = new java.util.ArrayList<String>();
        for (var resource : new ClassFileImporter().importPackages("app.digits").stream().map(JavaClass::reflect).toList()) {
            for (var method : resource.getDeclaredMethods()) {
                var consumes = method.getAnnotation(Consumes.class);
                if (consumes == null || !Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_JSON)) {
                    continue;
                }
                for (var parameter : method.getParameters()) {
                    boolean entity = Arrays.stream(parameter.getAnnotations()).noneMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs"));
                    if (entity && parameter.getType().isRecord()) {
                        bodies.add(resource.getSimpleName() + "." + method.getName());
                        assertTrue(JsonRequest.class.isAssignableFrom(parameter.getType()),
                                parameter.getType() + " of " + method + " implements JsonRequest");
                    }
                }
            }
        }
        assertTrue(bodies.size() >= 5, "the JSON bodies of the app were found: " + bodies);
    }
}
