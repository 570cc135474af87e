package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns what an administrator asks for into a training plan, and a plan into job parameters and back,
 * checking the bounds once: known algorithms (all of them when none is named), a grid size or hand-given
 * grids, 2 to 10 folds, 100 to 60,000 images for the grid search and for the final fits.
 */
public final class TrainingRequests {

    private static final int MAX_IMAGES = 60_000;

    private TrainingRequests() {
    }

    /**
     * A plan from optional choices: {@code null} or empty takes the default (every algorithm, the small grid,
     * 3 folds on 5,000 images, each algorithm's own number of training images, seed 42).
     */
    public static TrainingPlan of(List<String> algorithms, String gridSize, Map<String, String> grids, Integer folds,
                                  Integer cvImages, Integer trainingImages, boolean includeDrawings, Long seed) {
        var chosen = algorithms == null || algorithms.isEmpty() ? List.of(Algorithm.values())
                : new ArrayList<>(new LinkedHashSet<>(algorithms.stream().map(Algorithm::parse).toList()));
        var size = gridSize == null || gridSize.isBlank() ? Algorithm.GridSize.SMALL : Algorithm.GridSize.parse(gridSize);
        int k = check(folds == null ? 3 : folds, 2, 10, "folds");
        int cv = check(cvImages == null ? 5_000 : cvImages, 100, MAX_IMAGES, "cvImages");
        if (trainingImages != null) {
            check(trainingImages, 100, MAX_IMAGES, "trainingImages");
        }
        var byHand = grids == null ? Map.<String, String>of() : grids;
        byHand.keySet().forEach(Algorithm::parse);
        var steps = chosen.stream().map(algorithm -> new TrainingPlan.Step(algorithm,
                byHand.containsKey(algorithm.key()) ? algorithm.grid(byHand.get(algorithm.key())) : algorithm.grid(size),
                trainingImages == null ? algorithm.trainingImages() : trainingImages)).toList();
        return new TrainingPlan(steps, size, k, cv, includeDrawings, seed == null ? 42 : seed);
    }

    public static Properties toJobParameters(TrainingPlan plan) {
        var parameters = new Properties();
        parameters.setProperty("algorithms", String.join(",", plan.algorithms().stream().map(Algorithm::key).toList()));
        parameters.setProperty("gridSize", plan.gridSize().key());
        parameters.setProperty("folds", String.valueOf(plan.folds()));
        parameters.setProperty("cvImages", String.valueOf(plan.cvImages()));
        parameters.setProperty("includeDrawings", String.valueOf(plan.includeDrawings()));
        parameters.setProperty("seed", String.valueOf(plan.seed()));
        for (var step : plan.steps()) {
            parameters.setProperty("grid." + step.algorithm().key(), step.grid().toString());
            parameters.setProperty("images." + step.algorithm().key(), String.valueOf(step.trainingImages()));
        }
        return parameters;
    }

    public static TrainingPlan fromJobParameters(Properties parameters) {
        var steps = Arrays.stream(parameters.getProperty("algorithms", "").split(",")).filter(key -> !key.isBlank())
                .map(Algorithm::parse)
                .map(algorithm -> new TrainingPlan.Step(algorithm, Grid.parse(parameters.getProperty("grid." + algorithm.key())),
                        check(Integer.parseInt(parameters.getProperty("images." + algorithm.key())), 100, MAX_IMAGES, "trainingImages")))
                .toList();
        if (steps.isEmpty()) {
            throw ProblemException.badRequest("A training run needs at least one algorithm");
        }
        return new TrainingPlan(steps, Algorithm.GridSize.parse(parameters.getProperty("gridSize", "small")),
                Integer.parseInt(parameters.getProperty("folds", "3")), Integer.parseInt(parameters.getProperty("cvImages", "5000")),
                Boolean.parseBoolean(parameters.getProperty("includeDrawings", "false")),
                Long.parseLong(parameters.getProperty("seed", "42")));
    }

    /** Job parameters as sorted {@code name=value} lines, as a run document keeps them. */
    public static List<String> asLines(Properties parameters) {
        return parameters.stringPropertyNames().stream().sorted().map(name -> name + "=" + parameters.getProperty(name)).toList();
    }

    public static Properties fromLines(List<String> lines) {
        var parameters = new Properties();
        for (var line : lines) {
            var parts = line.split("=", 2);
            parameters.setProperty(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return parameters;
    }

    private static int check(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
