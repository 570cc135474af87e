/**
 * Trained models as files: each model is a serialized classifier under {@code models/} with a JSON sidecar
 * (id, algorithm, parameters, metrics, SHA-256), both written atomically and checked when loaded. The
 * registry knows which model is served and swaps it without a restart.
 */
package app.digits.registry;
