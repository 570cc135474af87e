package app.digits.training.control;

import java.util.List;

/**
 * What one training run does: for each algorithm, in order, the grid to search and how many MNIST images the
 * final fit uses; for the grid search, how many training images it cross-validates on and in how many folds;
 * whether people's labelled drawings join the final fits; and the seed that makes the run repeatable.
 */
public record TrainingPlan(List<Step> steps, Algorithm.GridSize gridSize, int folds, int cvImages, boolean includeDrawings,
                           long seed) {

    /** One algorithm of the run. */
    public record Step(Algorithm algorithm, Grid grid, int trainingImages) {
    }

    public TrainingPlan {
        steps = List.copyOf(steps);
    }

    public List<Algorithm> algorithms() {
        return steps.stream().map(Step::algorithm).toList();
    }

    /** The most MNIST training images any step needs (the grid search's subset included). */
    public int imagesNeeded() {
        return Math.max(cvImages, steps.stream().mapToInt(Step::trainingImages).max().orElse(0));
    }
}
