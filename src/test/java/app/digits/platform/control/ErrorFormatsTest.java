package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorFormatsTest {

    private static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserNavigationGetsThePageEvenFromTheApi() {
        assertTrue(ErrorFormats.wantsPage(NAVIGATION, true));
        assertTrue(ErrorFormats.wantsPage(NAVIGATION, false));
        assertTrue(ErrorFormats.wantsPage("application/json;q=0.4, text/html;q=0.9", false));
    }

    @Test
    void aClientNamingJsonAtLeastAsHighAsHtmlGetsProblemJsonEvenFromAPage() {
        assertFalse(ErrorFormats.wantsPage("application/json", true));
        assertFalse(ErrorFormats.wantsPage("application/problem+json, text/html;q=0.5", true));
        assertFalse(ErrorFormats.wantsPage("application/json, text/html", true));
    }

    @Test
    void aClientNamingNeitherGetsWhatTheAddressIs() {
        assertTrue(ErrorFormats.wantsPage(null, true));
        assertFalse(ErrorFormats.wantsPage(null, false));
        assertTrue(ErrorFormats.wantsPage("*/*", true));
        assertFalse(ErrorFormats.wantsPage("*/*", false));
        assertFalse(ErrorFormats.wantsPage("text/html;q=0, */*", false));
        assertFalse(ErrorFormats.wantsPage("text/html;q=high", false));
    }
}
