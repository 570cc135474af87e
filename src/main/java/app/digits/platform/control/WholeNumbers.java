package app.digits.platform.control;

/**
 * Reads a whole number from a request parameter or form field, so every page refuses a malformed one the same
 * way: a 400 problem naming the field and what was sent.
 */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The number, or null when the field is absent or blank. */
    public static Integer optional(String value, String name) {
        return value == null || value.isBlank() ? null : required(value, name);
    }

    /** The number; an absent, blank or malformed field is a 400. */
    public static int required(String value, String name) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, got " + value);
        }
    }
}
