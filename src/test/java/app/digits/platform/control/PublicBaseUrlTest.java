package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

    @Test
    void theConfiguredUrlWinsAndGetsATrailingSlash() {
        var url = new PublicBaseUrl(Optional.of("https://digits.example.org/app"));
        assertEquals(URI.create("https://digits.example.org/app/"), url.root("http", "10.1.2.3", 8080, ""));
    }

    @Test
    void withoutConfigurationTheLocalSocketIsUsedNeverAClientsHost() {
        var url = new PublicBaseUrl(Optional.empty());
        assertEquals(URI.create("http://127.0.0.1:8080/"), url.root("http", "127.0.0.1", 8080, ""));
        assertEquals(URI.create("https://[0:0:0:0:0:0:0:1]:8443/digits/"), url.root("https", "0:0:0:0:0:0:0:1%lo", 8443, "/digits"));
    }

    @Test
    void aBlankSettingCountsAsUnset() {
        assertEquals(URI.create("http://192.0.2.1:80/"), new PublicBaseUrl(Optional.of(" ")).root("http", "192.0.2.1", 80, ""));
    }

    @Test
    void aSettingThatIsNotAnHttpBaseUrlIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new PublicBaseUrl(Optional.of("digits.example.org")));
        assertThrows(IllegalArgumentException.class, () -> new PublicBaseUrl(Optional.of("ftp://digits.example.org/")));
        assertThrows(IllegalArgumentException.class, () -> new PublicBaseUrl(Optional.of("https://digits.example.org/?x=1")));
        assertThrows(IllegalArgumentException.class, () -> new PublicBaseUrl(Optional.of("https://exa mple.org/")));
    }
}
