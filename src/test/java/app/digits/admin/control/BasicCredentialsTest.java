package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheUserAndAPasswordThatMayContainColonsAndNonAsciiCharacters() {
        var credential = BasicCredentials.fromHeader(basic("admin:pâ:ss")).orElseThrow();
        assertEquals("admin", credential.getCaller());
        assertEquals("pâ:ss", credential.getPasswordAsString());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertEquals("admin", BasicCredentials.fromHeader("basic " + basic("admin:x").substring(6)).orElseThrow().getCaller());
    }

    @Test
    void aMissingOrMalformedHeaderIsNoCredential() {
        assertTrue(BasicCredentials.fromHeader(null).isEmpty());
        assertTrue(BasicCredentials.fromHeader("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.fromHeader("Basic !!!").isEmpty());
        assertTrue(BasicCredentials.fromHeader(basic("no-colon")).isEmpty());
    }
}
