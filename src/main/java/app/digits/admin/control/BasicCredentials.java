package app.digits.admin.control;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads an HTTP Basic {@code Authorization} header into a Jakarta Security credential. The API's own
 * {@code BasicAuthenticationCredential} decodes as US-ASCII, which garbles any other character of a password;
 * the challenge announces {@code charset="UTF-8"} (RFC 7617), so this decodes UTF-8, and a malformed header is
 * no credential rather than an exception.
 */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    /** The user name and password of the header; empty when there is none or it is malformed. */
    public static Optional<UsernamePasswordCredential> fromHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
