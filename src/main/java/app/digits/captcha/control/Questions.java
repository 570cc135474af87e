package app.digits.captcha.control;

import app.digits.captcha.entity.Question;
import java.util.random.RandomGenerator;

/**
 * The questions of the accessible alternative, for people who cannot draw: a short sentence in words whose
 * answer is a digit ("what is three plus four?"). This is weak on its own: a script that parses the sentence
 * answers it. It only keeps a person who cannot draw from being locked out; what stops bulk attempts on it
 * is the proof-of-work and the limits per address and per session that gate every answer.
 */
public final class Questions {

    private static final String[] NAMES_FR = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"};
    private static final String[] NAMES_EN = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private Questions() {
    }

    /** A question whose answer is {@code digit}, in a randomly chosen form. */
    public static Question about(int digit, RandomGenerator random) {
        var forms = Question.Form.values();
        var form = forms[random.nextInt(forms.length)];
        return switch (form) {
            case SUM -> {
                int first = random.nextInt(digit + 1);
                yield new Question(form, first, digit - first);
            }
            case DIFFERENCE -> {
                int first = digit + random.nextInt(10 - digit);
                yield new Question(form, first, first - digit);
            }
            case NEXT -> digit == 0 ? new Question(Question.Form.SUM, 0, 0) : new Question(form, digit - 1, 0);
        };
    }

    /** The question as a sentence in French ({@code fr}) or English (any other language). */
    public static String text(Question question, String language) {
        boolean french = !"en".equals(language);
        var names = french ? NAMES_FR : NAMES_EN;
        var first = names[question.first()];
        var second = names[question.second()];
        return switch (question.form()) {
            case SUM -> french ? "Combien font " + first + " plus " + second + " ?" : "What is " + first + " plus " + second + "?";
            case DIFFERENCE -> french ? "Combien font " + first + " moins " + second + " ?" : "What is " + first + " minus " + second + "?";
            case NEXT -> french ? "Quel chiffre vient juste après " + first + " ?" : "Which digit comes right after " + first + "?";
        };
    }
}
