package app.digits.analysis.control;

/**
 * Everything the analysis computes from one pass over the whole dataset, kept together because it is
 * computed, stored and invalidated together: the facts and the mean image of each digit.
 */
public record DatasetProfile(DatasetFacts facts, double[][] means) {
}
