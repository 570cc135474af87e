package app.digits.training.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;

/**
 * What one training run does: for each algorithm, in order, the grid to search and how many MNIST images the
 * final fit uses; for the grid search, how many training images it cross-validates on and in how many folds;
 * whether people's labelled drawings join the final fits; and the seed that makes the run repeatable. The
 * bounds are checked here, whoever builds a plan (an order, the default model, a stored run read back), and
 * every grid point must make valid settings for its algorithm. A run keeps its plan as this record's JSON.
 */
public record TrainingPlan(List<Step> steps, Algorithm.GridSize gridSize, int folds, int cvImages, boolean includeDrawings,
                           long seed) {

    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 10;
    public static final int MIN_IMAGES = 100;
    public static final int MAX_IMAGES = 60_000;
    private static final Jsonb JSON = JsonbBuilder.create();

    /** One algorithm of the run. */
    public record Step(Algorithm algorithm, Grid grid, int trainingImages) {

        public Step {
            if (algorithm == null || grid == null) {
                throw TrainingException.invalid("A step names its algorithm and its grid");
            }
            TrainingException.requireBetween(trainingImages, MIN_IMAGES, MAX_IMAGES, "trainingImages");
            grid.points().forEach(algorithm::settings);
        }
    }

    public TrainingPlan {
        if (steps == null || steps.isEmpty()) {
            throw TrainingException.invalid("A training run needs at least one algorithm");
        }
        steps = List.copyOf(steps);
        if (gridSize == null) {
            throw TrainingException.invalid("A training run needs a grid size");
        }
        TrainingException.requireBetween(folds, MIN_FOLDS, MAX_FOLDS, "folds");
        TrainingException.requireBetween(cvImages, MIN_IMAGES, MAX_IMAGES, "cvImages");
    }

    public List<Algorithm> algorithms() {
        return steps.stream().map(Step::algorithm).toList();
    }

    /** The most MNIST training images any step needs (the grid search's subset included). */
    public int imagesNeeded() {
        return Math.max(cvImages, steps.stream().mapToInt(Step::trainingImages).max().orElse(0));
    }

    /** This plan as one JSON object, as a run document keeps it. */
    public String toJson() {
        return JSON.toJson(this);
    }

    /** A plan written by {@link #toJson()}, checked again as it is built. */
    public static TrainingPlan fromJson(String json) {
        try {
            return JSON.fromJson(json, TrainingPlan.class);
        } catch (JsonbException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TrainingException invalid) {
                    throw invalid;
                }
            }
            throw TrainingException.invalid("Not a training plan: " + e.getMessage());
        }
    }
}
