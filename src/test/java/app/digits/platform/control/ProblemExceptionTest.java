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

    @Test
    void aProblemWithItsOwnReasonShowsThatReasonNotTheGeneralOne() {
        var tooLong = ProblemException.badRequest("11 marks", "problem.too-many-digits");
        assertEquals(400, tooLong.status());
        assertEquals("11 marks", tooLong.detail());
        assertEquals("More than 10 digits: a number has at most 10. Clear the pad and write a shorter number, or leave fewer separate marks.",
                BundleMessageResolver.message(Locale.ENGLISH, tooLong.messageKey()));
        assertEquals("problem.400", ProblemException.badRequest("empty").messageKey());
    }
}
