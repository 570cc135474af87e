package app.digits.captcha.entity;

/**
 * The accessible alternative to drawing: a short sentence whose answer is a digit ("what is three plus
 * four?"), kept as its form and its two operands so each page renders it in its own language.
 */
public record Question(Form form, int first, int second) {

    /** How the two operands make the answer. */
    public enum Form {
        SUM, DIFFERENCE, NEXT
    }

    public int answer() {
        return switch (form) {
            case SUM -> first + second;
            case DIFFERENCE -> first - second;
            case NEXT -> first + 1;
        };
    }
}
