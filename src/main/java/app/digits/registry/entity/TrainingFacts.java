package app.digits.registry.entity;

import java.util.List;
import java.util.Map;

/**
 * How a model was trained: the run, when, the hyperparameters it was fitted with, on how many images (and
 * how many of them were people's labelled drawings, and how many accepted number corrections were left out
 * because the segmentation cut their drawing into another count of digits) in how many seconds, the grid search
 * that chose the hyperparameters with the axis to plot, and, for the networks, each epoch's loss and held-out
 * accuracy.
 */
public record TrainingFacts(String runId, String trainedAt, Map<String, String> hyperparameters, int images, int peoplesDrawings,
                            int skippedNumberCorrections, double seconds, List<GridPoint> gridSearch, String gridAxis,
                            List<Epoch> epochs) {

    public TrainingFacts {
        hyperparameters = hyperparameters == null ? Map.of() : hyperparameters;
        gridSearch = gridSearch == null ? List.of() : List.copyOf(gridSearch);
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
    }
}
