package app.digits.site.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Problems;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void aSentFormGetsItsProblemsOwnSentenceAndAVisitedAddressTheStatuss() {
        var unsupported = new ProblemException(415, "Unsupported media type", "Only PNG and JPEG");
        assertEquals("problem.415", ErrorResponses.pageSentence(unsupported, "POST"), "a drawing posted without JavaScript");
        assertEquals("error.415", ErrorResponses.pageSentence(unsupported, "GET"));
        assertEquals("error.400", ErrorResponses.pageSentence(ProblemException.badRequest("modelPage starts at 1"), "GET"),
                "not a drawing's sentence for an address's bad parameter");
        assertEquals("error.404", ErrorResponses.pageSentence(Problems.of(404), "HEAD"));
        assertEquals("error.403", ErrorResponses.pageSentence(Problems.of(403), "POST"), "no sentence of its own: the status's");
    }
}
