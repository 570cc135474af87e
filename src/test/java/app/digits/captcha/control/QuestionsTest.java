package app.digits.captcha.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.captcha.entity.Question;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuestionsTest {

    @Test
    void everyQuestionAboutADigitHasThatDigitForAnswerAndAllFormsAreUsed() {
        var random = new Random(11);
        var forms = EnumSet.noneOf(Question.Form.class);
        for (int i = 0; i < 500; i++) {
            int digit = i % 10;
            var question = Questions.about(digit, random);
            assertEquals(digit, question.answer(), question.toString());
            assertTrue(question.first() >= 0 && question.first() <= 9 && question.second() >= 0 && question.second() <= 9, question.toString());
            forms.add(question.form());
        }
        assertEquals(EnumSet.allOf(Question.Form.class), forms);
    }

    @Test
    void theSentencesAreInWordsInFrenchAndEnglish() {
        assertEquals("Combien font trois plus quatre ?", Questions.text(new Question(Question.Form.SUM, 3, 4), "fr"));
        assertEquals("What is nine minus two?", Questions.text(new Question(Question.Form.DIFFERENCE, 9, 2), "en"));
        assertEquals("Quel chiffre vient juste après zéro ?", Questions.text(new Question(Question.Form.NEXT, 0, 0), "fr"));
        var random = new Random(12);
        for (int i = 0; i < 100; i++) {
            var question = Questions.about(i % 10, random);
            for (var language : new String[]{"fr", "en"}) {
                assertFalse(Questions.text(question, language).matches(".*\\d.*"), "no figure in " + Questions.text(question, language));
            }
        }
    }
}
