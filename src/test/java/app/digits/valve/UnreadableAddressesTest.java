package app.digits.valve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnreadableAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/predictions/a%00b", "/api/predictions/a%5Cb", "/api/predictions/a\\b", "/api/predictions/%C3%28",
            "/api/predictions/%C0%AF", "/api/predictions/%ZZ", "/api/predictions/%4", "/api/predictions/%", "/api/../../etc/passwd",
            "/api/predictions/..%2F..%2F..%2Fetc", "/api/%ff%fe", "/api"})
    void anUnreadableApiPathIsAnsweredByTheApi(String path) {
        assertEquals(path.equals("/api") ? null : UnreadableAddresses.API_ADDRESS, UnreadableAddresses.replacement(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x%00y", "/x%5Cy", "/%ff%fe", "/%ZZ", "/..%2F..%2Fetc%2Fpasswd", "/..", "/a/../..", "/apix%00", "/api%00",
            "/x%C3"})
    void anyOtherUnreadablePathIsAnsweredByThePages(String path) {
        assertEquals(UnreadableAddresses.PAGE_ADDRESS, UnreadableAddresses.replacement(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/predictions/abc", "/api/predictions/%E2%82%AC", "/api/predictions/a%2Fb", "/x%2e%2e/",
            "/api/predictions/..%2F..%2Fetc%2Fpasswd", "/a/./b/../c", "/a:b", "/api/predictions/%7B%22%24ne%22%3Anull%7D",
            "/caf\u00c3\u00a9", "/a%20b", "/.well-known/x"})
    void aPathTheConnectorReadsStaysAsItIs(String path) {
        assertNull(UnreadableAddresses.replacement(path));
    }
}
