package app.digits.captcha.entity;

/**
 * What came back for a challenge: a recognized drawing (its digit and confidence, or blank), or the digit
 * typed by someone who cannot draw.
 */
public sealed interface Answer {

    record Drawn(Integer digit, double confidence) implements Answer {
    }

    record Typed(String text) implements Answer {
    }
}
