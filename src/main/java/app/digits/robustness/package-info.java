/**
 * How well each model reads digits that do not look like MNIST: deterministic robustness sets generated from
 * the MNIST test set only (thin, bold, faint, rotated, small, large, off-centre, upscaled, downscaled,
 * scanned, inverted, and whole numbers apart or touching), each sample an encoded image as a client would
 * send it, read through the server's own decoding, ink extraction, normalization and segmentation, and
 * scored per set for every registered model. The tables are kept in the {@code robustness} collection and
 * shown on the admin comparison page; {@code src/bench/robustness.py} prints them.
 */
package app.digits.robustness;
