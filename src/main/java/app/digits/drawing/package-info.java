/**
 * What people draw: the home page with its canvas, and the {@code drawings} collection where every drawing is
 * kept with the normalized image the model saw, a bounded copy of the original and the prediction made.
 */
package app.digits.drawing;
