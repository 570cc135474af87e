package app.digits.captcha.entity;

/**
 * What came back for a challenge, with the proof-of-work number found by the client (null when missing): a
 * drawing (the canvas image and the trajectory that drew it, null when not sent), or the digit typed by
 * someone who cannot draw.
 */
public sealed interface Answer {

    Long proof();

    record Drawn(byte[] image, Trajectory trajectory, Long proof) implements Answer {
    }

    record Typed(String text, Long proof) implements Answer {
    }
}
