package app.digits.robustness.entity;

/**
 * One generated sample: the encoded image as a client would send it ({@code png} or {@code jpeg}) and what it
 * shows (one digit, or the digits of a number left to right).
 */
public record Sample(byte[] image, String format, String expected) {
}
