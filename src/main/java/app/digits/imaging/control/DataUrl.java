package app.digits.imaging.control;

import app.digits.platform.control.ProblemException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A {@code data:} URL as a canvas produces it ({@code data:image/png;base64,...}), split into its media type
 * and decoded bytes. Malformed URLs are a 400 with the reason.
 */
public record DataUrl(String mediaType, byte[] bytes) {

    private static final String BASE64_MARKER = ";base64,";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public static DataUrl parse(String url) {
        if (url == null || !url.startsWith("data:")) {
            throw ProblemException.badRequest("Expected a data URL starting with 'data:'");
        }
        int marker = url.indexOf(BASE64_MARKER);
        if (marker < 0) {
            throw ProblemException.badRequest("The data URL must be base64-encoded (data:image/png;base64,...)");
        }
        var mediaType = url.substring("data:".length(), marker);
        try {
            var payload = WHITESPACE.matcher(url.substring(marker + BASE64_MARKER.length())).replaceAll("");
            return new DataUrl(mediaType, Base64.getDecoder().decode(payload));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The data URL's base64 payload is invalid: it has characters outside base64 or is cut short");
        }
    }
}
