package app.digits.captcha.entity;

import java.time.Instant;

/**
 * A challenge for one session until a deadline: a digit to draw (shown only as a distorted image), or for
 * people who cannot draw a question whose answer is a digit; either way a proof-of-work puzzle to solve
 * first. The token is what the answer carries back; {@code digit} is the expected answer and never leaves
 * the server.
 */
public record Challenge(String token, String sessionId, Kind kind, int digit, Question question, Puzzle puzzle,
                        Instant expiresAt) {

    /** Drawn on the canvas, or typed as the answer to a question. */
    public enum Kind {
        DRAW, QUESTION
    }
}
