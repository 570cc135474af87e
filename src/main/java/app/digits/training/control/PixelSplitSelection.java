package app.digits.training.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;
import weka.classifiers.trees.j48.C45ModelSelection;
import weka.classifiers.trees.j48.ClassifierSplitModel;
import weka.classifiers.trees.j48.Distribution;
import weka.classifiers.trees.j48.NoSplit;
import weka.core.Instances;
import weka.core.Utils;

/**
 * C4.5's choice of the split of a tree node (Weka's {@link C45ModelSelection}, the same rule: among the pixels
 * whose information gain is at least the average, the best gain ratio, first pixel first), made for images. The
 * node's images are read once, row by row, into a grey level per candidate pixel and image, and each candidate's
 * threshold is then found by counting ({@link GreyLevelSplit}), on several threads. Only the candidate pixels
 * given are scored: {@link #inkedPixels} leaves out those inked in too few training images to split on (the frame
 * of an MNIST image). With every pixel a candidate, the tree is Weka's to the last threshold
 * ({@code PixelSplitSelectionTest}). Split points stay C4.5's midpoints, as {@code doNotMakeSplitPointActualValue}
 * leaves them.
 */
final class PixelSplitSelection extends C45ModelSelection {

    private static final long serialVersionUID = 1L;

    private final int[] candidates;
    private final int threads;
    private transient ExecutorService workers;

    PixelSplitSelection(int minNoObj, boolean useMdlCorrection, Instances allData, int[] candidates, ExecutorService workers,
                        int threads) {
        super(minNoObj, allData, useMdlCorrection, true);
        this.candidates = candidates.clone();
        this.workers = workers;
        this.threads = threads;
    }

    /** The attributes (not the class) above zero in at least {@code share} of the rows, in attribute order. */
    static int[] inkedPixels(Instances data, double share) {
        var inked = new int[data.numAttributes()];
        for (int row = 0; row < data.numInstances(); row++) {
            var instance = data.instance(row);
            for (int attribute = 0; attribute < inked.length; attribute++) {
                if (instance.value(attribute) > 0) {
                    inked[attribute]++;
                }
            }
        }
        double least = Math.max(1, share * data.numInstances());
        return IntStream.range(0, inked.length).filter(a -> a != data.classIndex() && inked[a] >= least).toArray();
    }

    @Override
    public ClassifierSplitModel selectModel(Instances data) {
        try {
            var whole = new Distribution(data);
            var noSplit = new NoSplit(whole);
            if (Utils.sm(whole.total(), 2.0 * m_minNoObj) || Utils.eq(whole.total(), whole.perClass(whole.maxClass()))) {
                return noSplit;
            }
            var splits = scoreCandidates(data);
            double averageInfoGain = 0;
            int valid = 0;
            for (var split : splits) {
                if (split.checkModel()) {
                    averageInfoGain += split.infoGain();
                    valid++;
                }
            }
            if (valid == 0) {
                return noSplit;
            }
            averageInfoGain /= valid;
            GreyLevelSplit best = null;
            double bestGainRatio = 0;
            for (var split : splits) {
                if (split.checkModel() && split.infoGain() >= averageInfoGain - 1e-3 && Utils.gr(split.gainRatio(), bestGainRatio)) {
                    best = split;
                    bestGainRatio = split.gainRatio();
                }
            }
            if (best == null || Utils.eq(bestGainRatio, 0)) {
                return noSplit;
            }
            best.distribution().addInstWithUnknown(data, best.attIndex());
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The tree's training was interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("C4.5 could not score the splits of a node: " + e.getMessage(), e);
        }
    }

    /** One split per candidate pixel, in candidate order; thread t scores candidates t, t + threads, ... */
    private GreyLevelSplit[] scoreCandidates(Instances data) throws InterruptedException, ExecutionException {
        var node = NodeLevels.of(data, candidates);
        var splits = new GreyLevelSplit[candidates.length];
        double sumOfWeights = data.sumOfWeights();
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            tasks.add(() -> {
                var counts = new int[GreyLevels.LEVELS * node.classes()];
                var levels = new int[GreyLevels.LEVELS];
                for (int c = first; c < candidates.length; c += threads) {
                    int present = node.count(c, counts, levels);
                    splits[c] = new GreyLevelSplit(candidates[c], m_minNoObj, sumOfWeights, m_useMDLcorrection);
                    splits[c].choose(counts, levels, present, node.classes(), GreyLevels.VALUES);
                }
                return null;
            });
        }
        for (var done : workers.invokeAll(tasks)) {
            done.get();
        }
        return splits;
    }

    @Override
    public void cleanup() {
        super.cleanup();
        workers = null;
    }

    /** A node's images as grey levels, candidate by candidate (one row of levels per candidate), and their digits. */
    private record NodeLevels(byte[] levels, int[] digits, int classes) {

        static NodeLevels of(Instances data, int[] candidates) {
            int images = data.numInstances();
            var levels = new byte[candidates.length * images];
            var digits = new int[images];
            for (int i = 0; i < images; i++) {
                var image = data.instance(i);
                if (image.weight() != 1) {
                    throw new IllegalArgumentException("Images of weight 1 expected, not " + image.weight());
                }
                digits[i] = (int) image.classValue();
                for (int c = 0; c < candidates.length; c++) {
                    double value = image.value(candidates[c]);
                    int level = GreyLevels.of(value);
                    if (level < 0) {
                        throw new IllegalArgumentException("Grey levels scaled to [0, 1] expected, not " + value);
                    }
                    levels[c * images + i] = (byte) level;
                }
            }
            return new NodeLevels(levels, digits, data.numClasses());
        }

        /**
         * The node's images per grey level of candidate {@code c} and digit, into {@code counts}, and the levels
         * that hold any, in increasing order, into {@code present}; returns how many levels hold any.
         */
        int count(int c, int[] counts, int[] present) {
            Arrays.fill(counts, 0);
            var perLevel = new int[GreyLevels.LEVELS];
            int images = digits.length;
            for (int i = 0; i < images; i++) {
                int level = levels[c * images + i] & 0xFF;
                counts[level * classes + digits[i]]++;
                perLevel[level]++;
            }
            int found = 0;
            for (int level = 0; level < perLevel.length; level++) {
                if (perLevel[level] != 0) {
                    present[found++] = level;
                }
            }
            return found;
        }
    }
}
