package app.digits.robustness.entity;

import java.util.List;

/**
 * One model's line of the robustness table for one version of the benchmark: the generator settings it was
 * measured with, the model's accuracy on the whole MNIST test set (from its sidecar) and a score per set.
 */
public record RobustnessTable(String modelId, String algorithm, int benchmarkVersion, long seed, int digitsPerSet,
                              int numbersPerSet, double mnistTestAccuracy, String measuredAt, List<SetScore> sets) {

    /** The score of a set by its key, for pages that lay the table out by set; every table has every set. */
    public SetScore score(String set) {
        return sets.stream().filter(score -> score.set().equals(set)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No robustness set " + set));
    }
}
