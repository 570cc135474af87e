/**
 * Turning MNIST into served models: one adapter per machine-learning library (only this package and the
 * registry touch Smile), evaluation on the test split, and the default model trained at first start so
 * that a fresh installation recognizes digits without any manual step.
 */
package app.digits.training;
