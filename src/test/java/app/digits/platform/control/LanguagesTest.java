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
    void speaksFrenchWhenNothingMatches() {
        assertEquals("fr", Languages.fromBrowser(List.of(Locale.GERMAN, Locale.JAPANESE)));
        assertEquals("fr", Languages.fromBrowser(List.of()));
    }

    @Test
    void everyMessageExistsInBothLanguages() {
        for (var key : List.of("app.title", "draw.predict", "result.blank", "footer.model", "problem.400", "problem.413",
                "problem.503", "problem.other", "captcha.outcome.expired", "training.kept", "admin.train.refused.409")) {
            var french = BundleMessageResolver.message(Locale.FRENCH, key);
            var english = BundleMessageResolver.message(Locale.ENGLISH, key);
            assertEquals(false, french.equals(english), key + " is translated");
        }
        assertEquals("Reconnaître", BundleMessageResolver.message(Locale.FRENCH, "draw.predict"));
        assertEquals("Confidence: 97.5 %", BundleMessageResolver.message(Locale.ENGLISH, "result.confidence", "97.5"));
    }
}
