package app.digits.valve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells which request paths Payara 7.2025.1's connector cannot read, and where the application answers them
 * instead. {@code CoyoteAdapter} decodes a path and normalizes it before any virtual server exists for the
 * request, and refuses it with an empty 400 (an invalid UTF-8 sequence, an encoded null or backslash, a path
 * climbing above the root) or an empty 200 (a malformed escape such as {@code %ZZ}); this class applies the
 * same rules to the raw path, with no Payara type, so the rules can be tested alone. A path it refuses is
 * served at {@link #API_ADDRESS} when it was under {@code /api}, at {@link #PAGE_ADDRESS} otherwise: the
 * application's {@code UnreadableAddressPage} servlet answers both with its own 400 (problem+json or the
 * translated page, as for any error).
 */
public final class UnreadableAddresses {

    /** Where an unreadable path under {@code /api} is answered (the application's servlet has the same). */
    public static final String API_ADDRESS = "/api/unreadable-address";
    /** Where any other unreadable path is answered. */
    public static final String PAGE_ADDRESS = "/unreadable-address";

    private UnreadableAddresses() {
    }

    /**
     * The address that answers for {@code rawPath} (the request target's path as sent, without its query, one
     * character per byte), or {@code null} when the connector reads the path itself.
     */
    public static String replacement(String rawPath) {
        if (readable(rawPath)) {
            return null;
        }
        return rawPath.equals("/api") || rawPath.startsWith("/api/") ? API_ADDRESS : PAGE_ADDRESS;
    }

    static boolean readable(String rawPath) {
        if (plain(rawPath)) {
            return true;
        }
        var bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 1 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
            int low = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        return decoded.indexOf('\0') < 0 && decoded.indexOf('\\') < 0 && staysUnderTheRoot(decoded);
    }

    /** Printable ASCII with no escape, backslash or dot segment: nothing the connector could refuse. */
    private static boolean plain(String rawPath) {
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%' || c == '\\') {
                return false;
            }
        }
        return !rawPath.contains("/.");
    }

    private static boolean staysUnderTheRoot(String path) {
        int depth = 0;
        for (var segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return false;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return true;
    }
}
