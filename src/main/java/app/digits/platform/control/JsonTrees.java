package app.digits.platform.control;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.NoSuchElementException;

/**
 * Reads a JSON body into a tree, refusing what a lenient parser lets through: bytes that are not UTF-8, a
 * key given twice (which of the two would count?), anything after the value, nesting deeper than any body of
 * the app needs (so a stack of brackets costs nothing) and numbers too long to be anything but an attack.
 * Errors say where, never what the parser library said.
 */
final class JsonTrees {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 64;
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonTrees() {
    }

    /** The tree of a body; any refusal is a 400 problem. */
    static JsonValue read(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.badRequest("The request body is empty");
        }
        var text = text(body);
        try (var parser = JSON.createParser(new StringReader(text))) {
            var value = value(parser, parser.next(), 0);
            if (parser.hasNext()) {
                throw ProblemException.badRequest("The request body has more after its JSON value");
            }
            return value;
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw ProblemException.badRequest("Malformed JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            throw ProblemException.badRequest("Malformed JSON");
        }
    }

    /** Builds the tree from parser events, refusing duplicate keys, deep nesting and very long numbers. */
    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw ProblemException.badRequest("The JSON is nested more than " + MAX_DEPTH + " levels deep");
        }
        return switch (event) {
            case START_OBJECT -> {
                var object = JSON.createObjectBuilder();
                var keys = new HashSet<String>();
                for (var next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    var key = parser.getString();
                    if (!keys.add(key)) {
                        throw ProblemException.badRequest("The key " + JsonBodies.shown(JSON.createValue(key)) + " appears twice");
                    }
                    object.add(key, value(parser, parser.next(), depth + 1));
                }
                yield object.build();
            }
            case START_ARRAY -> {
                var array = JSON.createArrayBuilder();
                for (var next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(value(parser, next, depth + 1));
                }
                yield array.build();
            }
            case VALUE_NUMBER -> {
                if (parser.getString().length() > MAX_NUMBER_LENGTH) {
                    throw ProblemException.badRequest("A number in the body is longer than " + MAX_NUMBER_LENGTH + " characters");
                }
                yield parser.getValue();
            }
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
            default -> throw ProblemException.badRequest("Malformed JSON");
        };
    }

    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The request body is not valid UTF-8 text");
        }
    }
}
