package app.digits.captcha.entity;

import java.time.Instant;

/** A digit to draw, for one session, until a deadline; its token is what the answer must carry back. */
public record Challenge(String token, String sessionId, int digit, Instant expiresAt) {
}
