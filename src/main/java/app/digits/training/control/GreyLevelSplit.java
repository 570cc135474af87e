package app.digits.training.control;

import weka.classifiers.trees.j48.C45Split;
import weka.classifiers.trees.j48.Distribution;
import weka.core.Utils;

/**
 * C4.5's best threshold on one pixel for the images of a tree node: Weka's {@link C45Split} for a numeric
 * attribute, the same rule and the same numbers, found by counting instead of sorting. Weka sorts the node's
 * images by the pixel (reading each image's row for it) at every node and for every pixel, which was most of
 * J48's time on MNIST; a pixel holds one of 256 grey levels, so here the node's images are counted per level and
 * digit, and the thresholds between the levels present are tried in increasing order, as Weka tries them between
 * its sorted values: the first best information gain wins, corrected by the MDL term for the number of thresholds
 * tried, and the threshold is the midpoint of the two levels. Images have weight 1 and no missing pixel.
 */
final class GreyLevelSplit extends C45Split {

    private static final long serialVersionUID = 1L;

    GreyLevelSplit(int pixel, int minNoObj, double sumOfWeights, boolean useMdlCorrection) {
        super(pixel, minNoObj, sumOfWeights, useMdlCorrection);
    }

    /**
     * Finds the split from the node's images counted per grey level and digit ({@code counts[level * classes +
     * digit]}), of which the first {@code present} levels of {@code levels}, in increasing order, hold images;
     * {@code greyValues[level]} is the level's value as the images hold it.
     */
    void choose(int[] counts, int[] levels, int present, int classes, double[] greyValues) throws Exception {
        m_numSubsets = 0;
        m_splitPoint = Double.MAX_VALUE;
        m_infoGain = 0;
        m_gainRatio = 0;
        m_complexityIndex = 2;
        m_index = 0;
        var above = new double[classes];
        double images = 0;
        for (int p = 0; p < present; p++) {
            for (int digit = 0; digit < classes; digit++) {
                above[digit] += counts[levels[p] * classes + digit];
                images += counts[levels[p] * classes + digit];
            }
        }
        double minSplit = 0.1 * images / classes;
        if (Utils.smOrEq(minSplit, m_minNoObj)) {
            minSplit = m_minNoObj;
        } else if (Utils.gr(minSplit, 25)) {
            minSplit = 25;
        }
        if (Utils.sm(images, 2.0 * minSplit)) {
            return;
        }
        // One distribution, its images moved level by level from the bag above the threshold to the bag below:
        // counts are whole numbers, so its sums are exactly those of the distributions Weka builds.
        var bags = new Distribution(new double[][] {new double[classes], above});
        double defaultEntropy = infoGainCrit.oldEnt(bags);
        var moved = new double[classes];
        var removed = new double[classes];
        int best = -1;
        for (int p = 0; p < present; p++) {
            if (p > 0 && Utils.grOrEq(bags.perBag(0), minSplit) && Utils.grOrEq(bags.perBag(1), minSplit)) {
                double gain = infoGainCrit.splitCritValue(bags, m_sumOfWeights, defaultEntropy);
                if (Utils.gr(gain, m_infoGain)) {
                    m_infoGain = gain;
                    best = p - 1;
                }
                m_index++;
            }
            for (int digit = 0; digit < classes; digit++) {
                moved[digit] = counts[levels[p] * classes + digit];
                removed[digit] = -moved[digit];
            }
            bags.add(0, moved);
            bags.add(1, removed);
        }
        if (m_index == 0) {
            return;
        }
        if (m_useMDLcorrection) {
            m_infoGain = m_infoGain - Utils.log2(m_index) / m_sumOfWeights;
        }
        if (Utils.smOrEq(m_infoGain, 0)) {
            return;
        }
        m_numSubsets = 2;
        double lower = greyValues[levels[best]];
        double upper = greyValues[levels[best + 1]];
        m_splitPoint = (upper + lower) / 2;
        if (m_splitPoint == upper) {
            m_splitPoint = lower;
        }
        var chosen = new double[2][classes];
        for (int p = 0; p < present; p++) {
            for (int digit = 0; digit < classes; digit++) {
                chosen[p <= best ? 0 : 1][digit] += counts[levels[p] * classes + digit];
            }
        }
        m_distribution = new Distribution(chosen);
        m_gainRatio = gainRatioCrit.splitCritValue(m_distribution, m_sumOfWeights, m_infoGain);
    }
}
