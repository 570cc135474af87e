/**
 * Trained models as files: each model is a serialized classifier under {@code models/} with a JSON sidecar
 * (id, algorithm, hyperparameters, grid search, metrics, test answers, SHA-256), both written atomically and
 * checked when loaded, and described in the {@code models} collection. The registry knows which model is
 * served and swaps it without a restart.
 */
package app.digits.registry;
