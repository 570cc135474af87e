/**
 * Recognizing a drawing, without storing it: the recognizer decodes it within limits, normalizes it, asks
 * the served model (a bounded number at once) and returns the reading (the {@code Drawing} entity, which the
 * drawing feature stores as is); a single-digit drawing that is not one digit (a scribble, a letter, two
 * digits, an ambiguous digit) is answered with no digit and the reason. The captcha uses it too.
 */
package app.digits.prediction;
