package app.digits.registry.entity;

import java.util.Map;

/**
 * One point of a model's grid search, as its sidecar and the {@code models} collection record it: the
 * hyperparameters tried, the mean and standard deviation of the cross-validated accuracy over the folds, and
 * the seconds the point took (all folds).
 */
public record GridPoint(Map<String, String> parameters, double meanAccuracy, double stdAccuracy, double seconds) {
}
