package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    @Test
    void pagesShowATranslatedSentenceForEachKindOfProblem() {
        assertEquals("problem.413", ProblemException.tooLarge("big").messageKey());
        assertEquals("problem.503", ProblemException.unavailable("later").messageKey());
        assertEquals("problem.other", ProblemException.notFound("gone").messageKey());
        assertEquals("Le modèle n’est pas encore prêt : réessayez dans une minute.",
                BundleMessageResolver.message(Locale.FRENCH, ProblemException.unavailable("later").messageKey()));
    }
}
