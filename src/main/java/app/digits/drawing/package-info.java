/**
 * What people draw and send: the prediction API (PNG or JPEG as raw body or multipart, a data URL or 784
 * pixel values in JSON), the home page with its canvas, and the {@code drawings} collection where every
 * drawing is kept once with the normalized image the model saw, a bounded copy of the original and its
 * reading; people's corrections, limited per address and reviewed by the admin before training uses them.
 */
package app.digits.drawing;
