package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.GridPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Tunes hyperparameters by k-fold cross-validation on training images only (the test set stays unseen until
 * the final evaluation). Folds are stratified (each holds about the same share of every digit) and drawn with
 * a seed, so a search is repeatable. Every point's mean and spread of accuracy and its time are kept; the
 * best mean wins, the earlier point on ties. A grid of one point is not searched.
 */
public final class GridSearch {

    /** What the search found: every point in grid order and the winner's hyperparameters. */
    public record Outcome(List<GridPoint> points, Hyperparameters best) {
    }

    /** Hears about each finished point (1-based) of {@code total}, and about progress inside a point. */
    public interface Listener {
        void pointStarted(int point, int total, Hyperparameters parameters);

        void pointDone(int point, int total, GridPoint result);
    }

    private GridSearch() {
    }

    public static Outcome search(List<LabelledImage> images, Grid grid, int folds, long seed, Learner learner,
                                 Listener listener) {
        var candidates = grid.points();
        if (candidates.size() == 1) {
            return new Outcome(List.of(), candidates.getFirst());
        }
        if (folds < 2 || images.size() < folds * 10) {
            throw new IllegalArgumentException("Cross-validation needs at least 2 folds of 10 images, got " + folds
                    + " folds of " + images.size() + " images");
        }
        var fold = stratifiedFolds(images, folds, seed);
        var results = new ArrayList<GridPoint>();
        for (int p = 0; p < candidates.size(); p++) {
            var parameters = candidates.get(p);
            listener.pointStarted(p + 1, candidates.size(), parameters);
            long start = System.nanoTime();
            var accuracies = new double[folds];
            for (int f = 0; f < folds; f++) {
                var training = new ArrayList<LabelledImage>();
                var validation = new ArrayList<LabelledImage>();
                for (int i = 0; i < images.size(); i++) {
                    (fold[i] == f ? validation : training).add(images.get(i));
                }
                accuracies[f] = ParallelReading.accuracy(learner.fit(training, parameters, seed, Learner.Progress.NONE), validation);
            }
            var point = new GridPoint(parameters.values(), mean(accuracies), standardDeviation(accuracies),
                    (System.nanoTime() - start) / 1e9);
            results.add(point);
            listener.pointDone(p + 1, candidates.size(), point);
        }
        var best = results.stream().max(Comparator.comparingDouble(GridPoint::meanAccuracy)).orElseThrow();
        return new Outcome(results, new Hyperparameters(best.parameters()));
    }

    /** The fold (0 to folds-1) of each image: shuffled within each digit, then dealt round-robin. */
    static int[] stratifiedFolds(List<LabelledImage> images, int folds, long seed) {
        var random = new Random(seed);
        var fold = new int[images.size()];
        int next = 0;
        for (int digit = 0; digit < 10; digit++) {
            var members = new ArrayList<Integer>();
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).label() == digit) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            for (int index : members) {
                fold[index] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
