package app.digits.robustness.entity;

/**
 * How one model did on one robustness set: how many samples, how many were read right (the exact number for
 * number sets), and how many the pipeline found blank (no digit drawn) before the model was even asked.
 */
public record SetScore(String set, int count, int correct, int blank) {

    public double accuracy() {
        return count == 0 ? 0 : (double) correct / count;
    }
}
