/**
 * MNIST in MongoDB: parsing the IDX files and the seed's CSV format with line-precise validation, importing
 * them idempotently into {@code mnist_train} and {@code mnist_test} (784 pixels as one BSON binary), and
 * reading them back page by page for training and evaluation.
 */
package app.digits.dataset;
