package app.digits.training.control;

import java.util.stream.IntStream;

/**
 * The 256 grey levels of a pixel as Weka's rows hold them ({@link WekaClassifier#values}: the level over 255),
 * and back: the trees that count a node's images per grey level instead of sorting them ({@link GreyLevelSplit}
 * for J48, {@link GreyLevelRandomTree} for the forest) read each value back into its level, and their split
 * points from the levels' values.
 */
final class GreyLevels {

    static final int LEVELS = 256;
    /** The value a row holds for each grey level, computed as {@link SmileClassifier#features} computes it. */
    static final double[] VALUES = IntStream.range(0, LEVELS).mapToDouble(level -> level / 255.0).toArray();

    private GreyLevels() {
    }

    /** The grey level a row's value stands for, or -1 when it is none (out of [0, 1], between levels, missing). */
    static int of(double value) {
        int level = (int) (value * 255 + 0.5);
        return (level & -LEVELS) != 0 || VALUES[level] != value ? -1 : level;
    }
}
