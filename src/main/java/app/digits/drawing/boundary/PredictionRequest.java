package app.digits.drawing.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.prediction.control.DrawingInput;
import app.digits.imaging.control.DataUrl;
import app.digits.platform.control.JsonBodies;
import app.digits.platform.boundary.JsonRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON form of a prediction request: exactly one of {@code image}, a data URL such as a canvas gives
 * ({@code data:image/png;base64,...}), or {@code pixels}, 784 grey levels 0-255 (ink high, {@link GreyLevels}).
 * The strict reading refuses a fraction, a string or an overflowing number before it could become a grey level;
 * Bean Validation then checks the count and the range. The usual body, {@code {"pixels": [...]}} with plain
 * whole numbers 0-255, is read straight into the grey levels in one pass over its bytes, giving what the strict
 * reading would give; any other body goes through the strict general reader, which says what is wrong with it.
 */
public record PredictionRequest(String image, @GreyLevels int[] pixels) implements JsonRequest {

    private static final byte[] PIXELS_KEY = "\"pixels\"".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PIXELS = 4096;

    /** The request in a JSON body, or a 400 problem saying what is wrong with the body. */
    public static PredictionRequest parse(byte[] body) {
        var pixels = PixelsScan.of(body);
        return pixels != null ? new PredictionRequest(null, pixels) : JsonBodies.parse(body, PredictionRequest.class);
    }

    public DrawingInput toInput() {
        if ((image == null) == (pixels == null)) {
            throw ProblemException.badRequest(
                    "Send exactly one of 'image' (a data URL) or 'pixels' (784 values 0-255)");
        }
        return image != null
                ? new DrawingInput.EncodedImage(DataUrl.parse(image).bytes())
                : new DrawingInput.GreyLevels(pixels);
    }

    /**
     * One pass over a body of exactly {@code {"pixels": [n, n, ...]}} (whitespace aside), each n a whole
     * number 0-255 written plainly; null for anything else, which the general reader then explains.
     */
    private static final class PixelsScan {

        private final byte[] body;
        private int at;

        private PixelsScan(byte[] body) {
            this.body = body;
        }

        static int[] of(byte[] body) {
            return new PixelsScan(body).pixels();
        }

        private int[] pixels() {
            if (!next('{') || !key() || !next(':') || !next('[')) {
                return null;
            }
            var values = new int[784];
            int count = 0;
            do {
                int value = number();
                if (value < 0 || count == MAX_PIXELS) {
                    return null;
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, Math.min(MAX_PIXELS, values.length * 2));
                }
                values[count++] = value;
            } while (next(','));
            if (!next(']') || !next('}')) {
                return null;
            }
            skipSpace();
            return at == body.length ? (count == values.length ? values : Arrays.copyOf(values, count)) : null;
        }

        private boolean key() {
            skipSpace();
            if (body.length - at < PIXELS_KEY.length || !Arrays.equals(body, at, at + PIXELS_KEY.length, PIXELS_KEY, 0, PIXELS_KEY.length)) {
                return false;
            }
            at += PIXELS_KEY.length;
            return true;
        }

        /** A plain whole number 0-255 (no sign, fraction, exponent or leading zero), or -1. */
        private int number() {
            skipSpace();
            int start = at;
            int value = 0;
            while (at < body.length && body[at] >= '0' && body[at] <= '9' && at - start < 3) {
                value = value * 10 + body[at++] - '0';
            }
            int digits = at - start;
            boolean plain = digits > 0 && (digits == 1 || body[start] != '0')
                    && (at == body.length || body[at] != '.' && body[at] != 'e' && body[at] != 'E' && (body[at] < '0' || body[at] > '9'));
            return plain && value <= 255 ? value : -1;
        }

        private boolean next(char expected) {
            skipSpace();
            if (at < body.length && body[at] == expected) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < body.length && (body[at] == ' ' || body[at] == '\n' || body[at] == '\r' || body[at] == '\t')) {
                at++;
            }
        }
    }
}
