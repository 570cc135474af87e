/**
 * Trained models as files: each model is a serialized classifier with a JSON sidecar (id, algorithm,
 * hyperparameters, grid search, metrics, test answers, SHA-256), kept in MongoDB GridFS and cached under
 * {@code models/}, written atomically and checked when loaded, and described in the {@code models} collection.
 * The registry knows which model is served, swaps it without a restart, and follows the cluster's choice.
 */
package app.digits.registry;
