package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aStatusGetsItsTitleAndAPlainSentence() {
        var problem = Problems.of(404);
        assertEquals(404, problem.status());
        assertEquals("Not found", problem.title());
        assertEquals("There is nothing at this address", problem.detail());
        assertEquals(418, Problems.of(418).status());
        assertEquals("error.other", Problems.pageMessageKey(418));
        assertEquals("error.404", Problems.pageMessageKey(404));
    }

    @Test
    void theApplicationsOwnProblemIsKeptEvenWhenWrapped() {
        var problem = ProblemException.notFound("No model with this id");
        assertSame(problem, Problems.ofError(500, new ServletException(problem)));
    }

    @Test
    void anyOtherExceptionIsA500WithAReferenceAndNoJavaName() {
        var problem = Problems.ofError(500, new NullPointerException("Cannot invoke java.lang.Integer.intValue()"));
        assertEquals(500, problem.status());
        assertTrue(problem.detail().matches("The server failed to handle this request \\(reference [0-9a-f-]{36}\\)"), problem.detail());
        assertFalse(problem.detail().contains("java"));
    }

    @Test
    void aStatusThatIsNotAnErrorIsANotFound() {
        assertEquals(404, Problems.ofError(200, null).status());
        assertEquals(400, Problems.ofError(400, null).status());
    }
}
