package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void takesTheFirstSpokenLanguageOfTheBrowser() {
        assertEquals("en", Languages.fromBrowser(List.of(Locale.of("de"), Locale.UK, Locale.FRANCE)));
        assertEquals("fr", Languages.fromBrowser(List.of(Locale.CANADA_FRENCH, Locale.US)));
    }

    @Test
    void speaksEnglishToOtherLanguagesAndFrenchWhenTheBrowserSaysNothing() {
        assertEquals("en", Languages.fromBrowser(List.of(Locale.GERMAN, Locale.JAPANESE)));
        assertEquals("en", Languages.fromBrowser(List.of(Locale.of("es"))));
        assertEquals("fr", Languages.fromBrowser(List.of()));
    }

    @Test
    void everyMessageExistsInBothLanguages() {
        for (var key : List.of("app.title", "draw.predict", "result.blank", "footer.model", "problem.400", "problem.413",
                "problem.503", "problem.other", "captcha.outcome.expired", "training.phase.done", "admin.train.refused.409")) {
            var french = BundleMessageResolver.message(Locale.FRENCH, key);
            var english = BundleMessageResolver.message(Locale.ENGLISH, key);
            assertEquals(false, french.equals(english), key + " is translated");
        }
        assertEquals(keys("i18n/messages.properties"), keys("i18n/messages_en.properties"), "the same keys in both languages");
        assertEquals("Reconnaître", BundleMessageResolver.message(Locale.FRENCH, "draw.predict"));
        assertEquals("Confidence: 97.5 %", BundleMessageResolver.message(Locale.ENGLISH, "result.confidence", "97.5"));
    }

    private static java.util.Set<String> keys(String resource) {
        var properties = new java.util.Properties();
        try (var in = LanguagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new java.util.TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void theSwitchWinsOverTheCookieWhichWinsOverTheBrowser() {
        var german = List.of(Locale.GERMAN);
        assertEquals(Locale.of("en"), Languages.resolve("en", "fr", "fr", List.of(Locale.FRENCH)));
        assertEquals(Locale.of("fr"), Languages.resolve(null, "fr", "en", List.of(Locale.ENGLISH)));
        assertEquals(Locale.of("en"), Languages.resolve(null, null, "de", german));
    }

    @Test
    void unknownChoicesAreIgnoredAndNoHeaderMeansFrench() {
        assertEquals(Locale.of("fr"), Languages.resolve("de", "xx", null, List.of(Locale.ENGLISH)));
        assertEquals(Locale.of("en"), Languages.resolve("<script>", null, "en-GB", List.of(Locale.UK)));
    }
}
