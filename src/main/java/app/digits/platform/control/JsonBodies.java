package app.digits.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one reader of JSON request bodies, and a strict one: JSON-B alone turns a pixel of 4294967396 into 100,
 * 255.5 into 255 and "200" into 200, and answers a missing number with a Java message. Here the body is read
 * first into a tree by {@link JsonTrees} and checked against the target type: whole-number fields take only
 * JSON numbers that are whole and fit the Java type, text takes strings, records take only their own fields.
 * Only then does JSON-B bind it. What the values may be (a digit 0-9, 784 grey levels) is the request record's
 * Bean Validation constraints, checked after binding. Every refusal is a 400 problem in plain words naming the
 * field; no message of JSON-B or of the parser reaches the client.
 */
public final class JsonBodies {

    private static final int SHOWN_CHARACTERS = 24;

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Map<Class<?>, long[]> WHOLE_TYPES = Map.of(
            int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}, Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}, Byte.class, new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE});
    private static final Set<Class<?>> DECIMAL_TYPES = Set.of(
            double.class, Double.class, float.class, Float.class, BigDecimal.class, Number.class);

    private JsonBodies() {
    }

    public static <T> T parse(byte[] body, Class<T> type) {
        var tree = JsonTrees.read(body);
        if (tree.getValueType() == JsonValue.ValueType.NULL) {
            throw ProblemException.badRequest("The request body is JSON null");
        }
        var checked = check(tree, type, new Place(""));
        try {
            return JSONB.fromJson(checked.toString(), type);
        } catch (RuntimeException e) {
            throw problemIn(e);
        }
    }

    /** Checks a value against the Java type it will be bound to; answers it with whole numbers written plainly. */
    private static JsonValue check(JsonValue value, Type type, Place place) {
        var raw = rawClass(type);
        boolean absent = value == null || value.getValueType() == JsonValue.ValueType.NULL;
        if (WHOLE_TYPES.containsKey(raw)) {
            return absent && !raw.isPrimitive() ? JsonValue.NULL : whole(value, raw, place);
        }
        if (absent) {
            if (raw.isPrimitive()) {
                throw ProblemException.badRequest(place.subject() + " is missing");
            }
            return JsonValue.NULL;
        }
        if (raw == String.class || raw.isEnum()) {
            return expect(value instanceof JsonString, value, place, "text in quotes");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return expect(value == JsonValue.TRUE || value == JsonValue.FALSE, value, place, "true or false");
        }
        if (DECIMAL_TYPES.contains(raw)) {
            return expect(value instanceof JsonNumber, value, place, "a number");
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            expect(value instanceof JsonArray, value, place, "a list in square brackets");
            var element = raw.isArray() ? elementOf(type) : argument(type, 0);
            var array = JSON.createArrayBuilder();
            var items = value.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                array.add(check(items.get(i), element, place.item(i)));
            }
            return array.build();
        }
        if (Map.class.isAssignableFrom(raw)) {
            expect(value instanceof JsonObject, value, place, "an object in curly braces");
            var object = JSON.createObjectBuilder();
            value.asJsonObject().forEach((key, item) -> object.add(key, check(item, argument(type, 1), place.field(key))));
            return object.build();
        }
        if (raw.isRecord()) {
            return record(value, raw, place);
        }
        return value;
    }

    private static JsonValue record(JsonValue value, Class<?> type, Place place) {
        expect(value instanceof JsonObject, value, place, "an object in curly braces");
        var fields = value.asJsonObject();
        var components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(JsonBodies::nameOf, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
        for (var key : fields.keySet()) {
            if (!components.containsKey(key)) {
                throw ProblemException.badRequest("Unknown field " + shown(JSON.createValue(key)) + place.within()
                        + "; the fields are " + String.join(", ", components.keySet()));
            }
        }
        var object = JSON.createObjectBuilder();
        components.forEach((name, component) -> {
            var checked = check(fields.get(name), component.getGenericType(), place.field(name));
            if (fields.containsKey(name)) {
                object.add(name, checked);
            }
        });
        return object.build();
    }

    private static JsonValue whole(JsonValue value, Class<?> type, Place place) {
        if (!(value instanceof JsonNumber number) || number.bigDecimalValue().stripTrailingZeros().scale() > 0) {
            throw ProblemException.badRequest(place.subject() + " must be a whole number, not " + shown(value));
        }
        var bounds = WHOLE_TYPES.get(type);
        var exact = number.bigDecimalValue();
        if (exact.compareTo(BigDecimal.valueOf(bounds[0])) < 0 || exact.compareTo(BigDecimal.valueOf(bounds[1])) > 0) {
            throw ProblemException.badRequest(place.subject() + " is " + shown(value) + ", too "
                    + (exact.signum() < 0 ? "small" : "large") + " a number");
        }
        return JSON.createValue(exact.longValueExact());
    }

    private static JsonValue expect(boolean fits, JsonValue value, Place place, String what) {
        if (!fits) {
            throw ProblemException.badRequest(place.subject() + " must be " + what + ", not " + shown(value));
        }
        return value;
    }

    static String shown(JsonValue value) {
        var text = value == null ? "missing" : value.toString();
        return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "…";
    }

    private static String nameOf(RecordComponent component) {
        var property = component.getAccessor().getAnnotation(JsonbProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static Class<?> rawClass(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> rawClass(p.getRawType());
            case GenericArrayType g -> Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
            default -> Object.class;
        };
    }

    private static Type elementOf(Type arrayType) {
        return arrayType instanceof GenericArrayType g ? g.getGenericComponentType() : rawClass(arrayType).getComponentType();
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** A body that passed the checks and still failed to bind says so, or what a record's constructor refused. */
    private static ProblemException problemIn(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return ProblemException.badRequest("The request body does not have the shape this address expects");
    }

    /** Where a value sits, for the sentence that refuses it: its path ({@code pixels[12]}, {@code grids.svm}). */
    private record Place(String path) {

        Place field(String name) {
            return new Place(path.isEmpty() ? name : path + "." + name);
        }

        Place item(int i) {
            return new Place(path + "[" + i + "]");
        }

        String subject() {
            return path.isEmpty() ? "The request body" : "'" + path + "'";
        }

        String within() {
            return path.isEmpty() ? "" : " in '" + path + "'";
        }
    }
}
