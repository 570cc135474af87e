/**
 * The analysis of the data and of the models' errors: dataset facts (balance, intensities, ink, duplicates,
 * near-blank images), figures (digit sheets as PNG, charts as SVG, cached by ETag), the exploration and
 * error-analysis pages, the slides, and the Markdown report regenerated into {@code analysis/} on demand.
 */
package app.digits.analysis;
