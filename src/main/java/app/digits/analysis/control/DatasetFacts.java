package app.digits.analysis.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What the data looks like and what is odd about it, computed from the stored training and test images:
 * class balance, the distribution of pixel intensities, the amount of ink per digit, images found in both
 * sets, and near-blank images (very little ink, so nearly unreadable). Exact duplicates inside a set cannot
 * be stored (an image's id is the digest of its label and pixels), so they show up as fewer stored images
 * than the files hold.
 */
public record DatasetFacts(int[] trainCounts, int[] testCounts, int expectedTrain, int expectedTest, double[] intensityShares,
                           double blankPixelShare, double[] meanInk, double[] inkDeviation, int inBothSets,
                           List<Integer> nearBlank) {

    /** Pixels darker than this count as ink for the "ink amount". */
    public static final int INK = 128;
    /** Images with fewer ink pixels than this are near-blank. */
    public static final int NEAR_BLANK_INK = 15;
    public static final int INTENSITY_BINS = 16;

    public static DatasetFacts of(List<LabelledImage> train, List<LabelledImage> test, int expectedTrain, int expectedTest) {
        var histogram = new long[INTENSITY_BINS];
        long zero = 0;
        var inkSum = new double[10];
        var inkSquares = new double[10];
        var counts = new int[10];
        var nearBlank = new ArrayList<Integer>();
        for (int index = 0; index < train.size(); index++) {
            var image = train.get(index);
            int ink = 0;
            for (byte pixel : image.pixels()) {
                int value = pixel & 0xFF;
                histogram[value * INTENSITY_BINS / 256]++;
                zero += value == 0 ? 1 : 0;
                ink += value >= INK ? 1 : 0;
            }
            inkSum[image.label()] += ink;
            inkSquares[image.label()] += (double) ink * ink;
            counts[image.label()]++;
            if (ink < NEAR_BLANK_INK) {
                nearBlank.add(index);
            }
        }
        long pixels = Math.max(1, (long) train.size() * LabelledImage.PIXELS);
        var shares = new double[INTENSITY_BINS];
        for (int bin = 0; bin < INTENSITY_BINS; bin++) {
            shares[bin] = (double) histogram[bin] / pixels;
        }
        var mean = new double[10];
        var deviation = new double[10];
        for (int digit = 0; digit < 10; digit++) {
            int n = Math.max(1, counts[digit]);
            mean[digit] = inkSum[digit] / n;
            deviation[digit] = Math.sqrt(Math.max(0, inkSquares[digit] / n - mean[digit] * mean[digit]));
        }
        return new DatasetFacts(counts, labelCounts(test), expectedTrain, expectedTest, shares, (double) zero / pixels, mean,
                deviation, inBoth(train, test), List.copyOf(nearBlank));
    }

    private static int[] labelCounts(List<LabelledImage> images) {
        var counts = new int[10];
        images.forEach(image -> counts[image.label()]++);
        return counts;
    }

    private static int inBoth(List<LabelledImage> train, List<LabelledImage> test) {
        var trainIds = new HashSet<String>();
        train.forEach(image -> trainIds.add(image.contentId()));
        return (int) test.stream().filter(image -> trainIds.contains(image.contentId())).count();
    }

    public int storedTrain() {
        return java.util.Arrays.stream(trainCounts).sum();
    }

    public int storedTest() {
        return java.util.Arrays.stream(testCounts).sum();
    }

    /** The least and most frequent digit's share of the training set, to judge balance. */
    public double smallestShare() {
        return (double) java.util.Arrays.stream(trainCounts).min().orElse(0) / Math.max(1, storedTrain());
    }

    public double largestShare() {
        return (double) java.util.Arrays.stream(trainCounts).max().orElse(0) / Math.max(1, storedTrain());
    }
}
