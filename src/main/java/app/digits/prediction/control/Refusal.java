package app.digits.prediction.control;

/**
 * Why a single-digit drawing gets no digit, with the stable key API clients read as {@code reason}: nothing
 * drawn, something that is not a digit, several digits (the Number page reads those), or a digit the model
 * cannot tell apart from another.
 */
public enum Refusal {
    BLANK("blank"),
    NOT_A_DIGIT("not-a-digit"),
    SEVERAL_DIGITS("several-digits"),
    UNSURE("unsure");

    private final String key;

    Refusal(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
