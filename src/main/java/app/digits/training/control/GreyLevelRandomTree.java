package app.digits.training.control;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import weka.classifiers.trees.RandomTree;
import weka.core.ContingencyTables;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Weka's {@link RandomTree}, the tree of Weka's random forest, grown by counting instead of sorting: the same
 * tree, node for node and threshold for threshold, for images whose pixels are grey levels scaled to [0, 1].
 * Weka sorts a node's images by each pixel it tries (ten of 784 by default) and copies them into new datasets
 * at every split, which made its forest five times slower than scikit-learn's on MNIST (src/bench/README.md).
 * Here the tree reads its images once into one grey level per pixel and image, a node is a range of image
 * numbers partitioned in place, and a pixel's thresholds come from the node's images counted per grey level and
 * digit, tried in increasing order as Weka tries them between its sorted values, with Weka's own entropy
 * functions on the same (whole-number) counts, and with the pixels drawn from the same random generator in
 * the same order. Anything else (values that are not grey levels, a numeric class, a depth limit of its own,
 * backfitting, random tie breaks, impurity decreases) is left to Weka's own code. It serves as a RandomTree.
 */
final class GreyLevelRandomTree extends RandomTree {

    private static final long serialVersionUID = 1L;

    GreyLevelRandomTree() {
        setDoNotCheckCapabilities(true);
    }

    @Override
    public void buildClassifier(Instances given) throws Exception {
        if (m_NumFolds > 0 || m_BreakTiesRandomly || m_computeImpurityDecreases || given.numAttributes() == 1
                || !given.classAttribute().isNominal()) {
            super.buildClassifier(given);
            return;
        }
        var data = new Instances(given);
        data.deleteWithMissingClass();
        var images = GreyLevelImages.of(data);
        if (images == null) {
            super.buildClassifier(given);
            return;
        }
        if (m_KValue > data.numAttributes() - 1) {
            m_KValue = data.numAttributes() - 1;
        }
        if (m_KValue < 1) {
            m_KValue = (int) Utils.log2(data.numAttributes() - 1) + 1;
        }
        getCapabilities().testWithFail(data);
        m_zeroR = null;
        var random = data.getRandomNumberGenerator(m_randomSeed);
        var window = IntStream.range(0, data.numAttributes()).filter(a -> a != data.classIndex()).toArray();
        var classCounts = new double[data.numClasses()];
        for (int i = 0; i < images.count(); i++) {
            classCounts[images.digits()[i]] += images.weights()[i];
        }
        m_Info = new Instances(data, 0);
        var grower = new Grower(this, images, window, random, data.numClasses());
        var root = new Node(this);
        m_Tree = root;
        root.grow(grower, 0, images.count(), classCounts, 0);
    }

    /**
     * The tree's images: per attribute a row of grey levels (one byte per image), each image's digit and weight
     * (Weka's forest gives an image drawn several times into a tree's sample once, with the number of draws as
     * its weight). Null when an attribute's value is not a grey level scaled to [0, 1] or is missing.
     */
    private record GreyLevelImages(byte[] levels, int[] digits, double[] weights, int count) {

        static GreyLevelImages of(Instances data) {
            int count = data.numInstances();
            var levels = new byte[data.numAttributes() * count];
            var digits = new int[count];
            var weights = new double[count];
            int attributes = data.numAttributes();
            int classIndex = data.classIndex();
            for (int i = 0; i < count; i++) {
                var image = data.instance(i);
                digits[i] = (int) image.classValue();
                weights[i] = image.weight();
                for (int attribute = 0; attribute < attributes; attribute++) {
                    if (attribute == classIndex) {
                        continue;
                    }
                    int level = GreyLevels.of(image.value(attribute));
                    if (level < 0) {
                        return null;
                    }
                    levels[attribute * count + i] = (byte) level;
                }
            }
            return new GreyLevelImages(levels, digits, weights, count);
        }

        int level(int attribute, int image) {
            return levels[attribute * count + image] & 0xFF;
        }
    }

    /** A pixel's best threshold for a node: Weka's {@code distribution} for a numeric attribute. */
    private record Threshold(double splitPoint, double[][] distribution, double[] proportions) {

        double gain() {
            return ContingencyTables.entropyOverColumns(distribution) - ContingencyTables.entropyConditionedOnRows(distribution);
        }
    }

    /**
     * What the nodes of one tree share while it grows: the tree and its settings, its images, the image numbers
     * that nodes own as ranges, the attribute window and random generator Weka's tree draws its pixels with,
     * and the counting buffers.
     */
    private static final class Grower {

        final GreyLevelRandomTree tree;
        final double minNum;
        final int pixelsToTry;
        final int maxDepth;

        final GreyLevelImages images;
        final int[] order;
        final int[] window;
        final Random random;
        private final int classes;
        private final double[] counts;
        private final int[] present = new int[GreyLevels.LEVELS];
        private final boolean[] seen = new boolean[GreyLevels.LEVELS];

        Grower(GreyLevelRandomTree tree, GreyLevelImages images, int[] window, Random random, int classes) {
            this.tree = tree;
            this.minNum = tree.m_MinNum;
            this.pixelsToTry = tree.m_KValue;
            this.maxDepth = tree.getMaxDepth();
            this.images = images;
            this.order = IntStream.range(0, images.count()).toArray();
            this.window = window;
            this.random = random;
            this.classes = classes;
            this.counts = new double[GreyLevels.LEVELS * classes];
        }

        /** The best threshold of {@code attribute} for the images {@code order[from..to)}. */
        Threshold threshold(int attribute, int from, int to) {
            int found = 0;
            for (int i = from; i < to; i++) {
                int image = order[i];
                int level = images.level(attribute, image);
                if (!seen[level]) {
                    seen[level] = true;
                    present[found++] = level;
                }
                counts[level * classes + images.digits()[image]] += images.weights()[image];
            }
            Arrays.sort(present, 0, found);
            var current = new double[2][classes];
            for (int p = 0; p < found; p++) {
                for (int digit = 0; digit < classes; digit++) {
                    current[1][digit] += counts[present[p] * classes + digit];
                }
            }
            double prior = ContingencyTables.entropyOverColumns(current);
            var best = new double[][] {current[0].clone(), current[1].clone()};
            double splitPoint = Double.NaN;
            double bestGain = -Double.MAX_VALUE;
            double below = GreyLevels.VALUES[present[0]];
            for (int p = 0; p < found; p++) {
                double value = GreyLevels.VALUES[present[p]];
                if (value > below) {
                    double gain = prior - ContingencyTables.entropyConditionedOnRows(current);
                    if (gain > bestGain) {
                        bestGain = gain;
                        splitPoint = (value + below) / 2.0;
                        if (splitPoint <= below) {
                            splitPoint = value;
                        }
                        System.arraycopy(current[0], 0, best[0], 0, classes);
                        System.arraycopy(current[1], 0, best[1], 0, classes);
                    }
                    below = value;
                }
                int offset = present[p] * classes;
                for (int digit = 0; digit < classes; digit++) {
                    current[0][digit] += counts[offset + digit];
                    current[1][digit] -= counts[offset + digit];
                    counts[offset + digit] = 0;
                }
                seen[present[p]] = false;
            }
            return new Threshold(splitPoint, best, proportions(best));
        }

        /** Moves the images of {@code order[from..to)} below {@code splitPoint} first; returns where the rest start. */
        int partition(int attribute, double splitPoint, int from, int to) {
            int split = from;
            for (int i = from; i < to; i++) {
                int image = order[i];
                if (GreyLevels.VALUES[images.level(attribute, image)] < splitPoint) {
                    order[i] = order[split];
                    order[split++] = image;
                }
            }
            return split;
        }

        private static double[] proportions(double[][] distribution) {
            var proportions = new double[distribution.length];
            for (int k = 0; k < proportions.length; k++) {
                proportions[k] = Utils.sum(distribution[k]);
            }
            if (Utils.eq(Utils.sum(proportions), 0)) {
                Arrays.fill(proportions, 1.0 / proportions.length);
            } else {
                Utils.normalize(proportions);
            }
            return proportions;
        }
    }

    /**
     * A node of Weka's tree, grown here: {@code RandomTree.Tree.buildTree} for a nominal class. A static class
     * whose only link to its tree is Weka's own, so that it serializes as Weka's nodes do (an inner class would
     * add a second reference to the tree in every node: 4 MB more in a forest of 100 trees).
     */
    private static final class Node extends Tree {

        private static final long serialVersionUID = 1L;

        Node(GreyLevelRandomTree tree) {
            tree.super();
        }

        void grow(Grower grower, int from, int to, double[] classCounts, int depth) {
            if (from == to) {
                return;
            }
            double total = Utils.sum(classCounts);
            if (total < 2 * grower.minNum || Utils.eq(classCounts[Utils.maxIndex(classCounts)], total)
                    || (grower.maxDepth > 0 && depth >= grower.maxDepth)) {
                m_ClassDistribution = classCounts.clone();
                return;
            }
            double bestGain = -Double.MAX_VALUE;
            int bestAttribute = 0;
            Threshold best = null;
            int windowSize = grower.window.length;
            int k = grower.pixelsToTry;
            boolean gainFound = false;
            while (windowSize > 0 && (k-- > 0 || !gainFound)) {
                int chosen = grower.random.nextInt(windowSize);
                int attribute = grower.window[chosen];
                grower.window[chosen] = grower.window[windowSize - 1];
                grower.window[windowSize - 1] = attribute;
                windowSize--;
                var threshold = grower.threshold(attribute, from, to);
                double gain = threshold.gain();
                if (Utils.gr(gain, 0)) {
                    gainFound = true;
                }
                if (gain > bestGain || (gain == bestGain && attribute < bestAttribute)) {
                    bestGain = gain;
                    bestAttribute = attribute;
                    best = threshold;
                }
            }
            m_Attribute = bestAttribute;
            if (best == null || !Utils.gr(bestGain, 0)) {
                m_Attribute = -1;
                m_ClassDistribution = classCounts.clone();
                return;
            }
            m_SplitPoint = best.splitPoint();
            m_Prop = best.proportions();
            int split = grower.partition(m_Attribute, m_SplitPoint, from, to);
            var below = new Node(grower.tree);
            var above = new Node(grower.tree);
            m_Successors = new Tree[] {below, above};
            below.grow(grower, from, split, best.distribution()[0], depth + 1);
            above.grow(grower, split, to, best.distribution()[1], depth + 1);
            if (below.m_ClassDistribution == null || above.m_ClassDistribution == null) {
                m_ClassDistribution = classCounts.clone();
            }
        }
    }
}
