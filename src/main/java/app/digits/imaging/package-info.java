/**
 * From whatever the browser or an API client sends to the 28x28 image a model expects: bounded decoding of
 * PNG and JPEG (and data URLs), ink extraction whatever the polarity or transparency, contrast normalized
 * whatever the pen and paper, strokes brought to MNIST's width, MNIST's own normalization (crop, fit into
 * 20x20 with anti-aliasing, centre of mass at the centre of 28x28), and the cutting of a number into digits
 * by recognition (the model's sureness is passed in as a function). Pure functions, unit-tested on
 * synthetic images.
 */
package app.digits.imaging;
