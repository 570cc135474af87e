package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    @Test
    void aPageMustSendTheSessionsToken() {
        assertTrue(CsrfTokens.allows("abc", "abc", true));
        assertFalse(CsrfTokens.allows(null, "abc", true));
        assertFalse(CsrfTokens.allows("guessed", "abc", true));
        assertFalse(CsrfTokens.allows("abc", null, true), "no session, no token to match");
    }

    @Test
    void aProgramSendingNoOriginNorRefererNeedsNoTokenButAWrongOneIsStillRefused() {
        assertTrue(CsrfTokens.allows(null, null, false));
        assertFalse(CsrfTokens.allows("guessed", "abc", false));
    }
}
