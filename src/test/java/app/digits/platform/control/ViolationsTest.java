package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Point(@Max(value = 100, message = "is off the canvas") double x) {
    }

    record Answer(@NotNull(message = "is missing") Integer digit,
                  @Size(max = 2, message = "has too many strokes") List<@Size(max = 1, message = "has too many points") List<@Valid Point>> strokes) {
    }

    /** A resource method as JAX-RS validates it: the violations' paths begin with the method and its parameter. */
    static class Resource {
        @SuppressWarnings("unused")
        public void answer(String token, @Valid @NotNull(message = "is missing") Answer answer) {
        }
    }

    private static String sentenceOfParameters(Answer answer) throws NoSuchMethodException {
        var method = Resource.class.getMethod("answer", String.class, Answer.class);
        var violations = VALIDATOR.forExecutables().validateParameters(new Resource(), method, new Object[] {"t", answer});
        return Violations.problem(violations).detail();
    }

    @Test
    void aFieldIsNamedAsInTheJsonWithoutTheJavaMethodOrParameter() throws NoSuchMethodException {
        var detail = sentenceOfParameters(new Answer(null, List.of()));
        assertEquals("'digit' is missing", detail);
        assertFalse(detail.contains("answer") || detail.contains("arg"), detail);
    }

    @Test
    void elementsOfListsAreNamedByTheirIndex() throws NoSuchMethodException {
        assertEquals("'strokes[1]' has too many points", sentenceOfParameters(new Answer(1, List.of(List.of(), List.of(new Point(1), new Point(2))))));
        assertEquals("'strokes[0][0].x' is off the canvas", sentenceOfParameters(new Answer(1, List.of(List.of(new Point(101))))));
        assertEquals("'strokes' has too many strokes", sentenceOfParameters(new Answer(1, List.of(List.of(), List.of(), List.of()))));
    }

    @Test
    void aMissingBodyIsSaidWithoutAField() throws NoSuchMethodException {
        assertEquals("is missing", sentenceOfParameters(null));
    }

    @Test
    void severalViolationsMakeOneSentenceInAStableOrder() {
        assertEquals("'digit' is missing; 'strokes' has too many strokes",
                Violations.problem(VALIDATOR.validate(new Answer(null, List.of(List.of(), List.of(), List.of()))))
                        .detail());
    }
}
