package app.digits.training.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns what an administrator asks for into a training plan, filling in what was left out: the default job's
 * algorithms when none is named, the small grid, 3 folds on 5,000 images, each algorithm's own number of training images,
 * seed 42. Names are checked here (known algorithms, grid sizes and axes); the bounds by the plan itself.
 */
public final class TrainingRequests {

    private TrainingRequests() {
    }

    /** A plan from optional choices: {@code null} or empty takes the default. */
    public static TrainingPlan of(List<String> algorithms, String gridSize, Map<String, String> grids, Integer folds,
                                  Integer cvImages, Integer trainingImages, boolean includeDrawings, Long seed) {
        var chosen = algorithms == null || algorithms.isEmpty() ? Algorithm.defaultJob()
                : new ArrayList<>(new LinkedHashSet<>(algorithms.stream().map(Algorithm::parse).toList()));
        var size = gridSize == null || gridSize.isBlank() ? Algorithm.GridSize.SMALL : Algorithm.GridSize.parse(gridSize);
        var byHand = grids == null ? Map.<String, String>of() : grids;
        byHand.keySet().forEach(Algorithm::parse);
        var steps = chosen.stream().map(algorithm -> new TrainingPlan.Step(algorithm,
                byHand.containsKey(algorithm.key()) ? algorithm.grid(byHand.get(algorithm.key())) : algorithm.grid(size),
                trainingImages == null ? algorithm.trainingImages() : trainingImages)).toList();
        return new TrainingPlan(steps, size, folds == null ? 3 : folds, cvImages == null ? 5_000 : cvImages, includeDrawings,
                seed == null ? 42 : seed);
    }
}
