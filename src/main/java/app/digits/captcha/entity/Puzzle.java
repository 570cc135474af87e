package app.digits.captcha.entity;

/**
 * A proof-of-work puzzle in the manner of ALTCHA: find the whole number {@code n} in {@code [0, maxNumber]}
 * such that the {@code algorithm} digest of {@code salt + n} (as text) is {@code target} (lowercase hex). It
 * costs a browser a fraction of a second and a server one digest to check, so bulk attempts get expensive.
 */
public record Puzzle(String algorithm, String salt, String target, long maxNumber) {
}
