/**
 * What happens when the server starts: connect to MongoDB, create the indexes, serve the saved model,
 * import MNIST, train the first models, each step retried and reported (the status the pages show and the
 * readiness check). It sits above the features it starts, so none of them depends on it.
 */
package app.digits.startup;
