/**
 * Recognizing a drawing: the prediction API (PNG or JPEG as raw body or multipart, a data URL or 784 pixel
 * values in JSON) and the recognizer behind it and the home page, which normalizes the drawing, asks the
 * served model, and stores the drawing with its prediction; a single-digit drawing that is not one digit (a
 * scribble, a letter, two digits, an ambiguous digit) is answered with no digit and the reason.
 */
package app.digits.prediction;
