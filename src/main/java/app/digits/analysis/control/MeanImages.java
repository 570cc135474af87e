package app.digits.analysis.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;

/**
 * The "average representative" of each digit: the pixel-wise mean of all its images. The mean shows what
 * every writer shares (the strokes in the same place) and blurs what varies (slant, loops), which is also
 * where classifiers hesitate between two digits.
 */
public final class MeanImages {

    private MeanImages() {
    }

    /** Ten mean images (grey levels 0-255 as doubles); a digit with no image gets a blank one. */
    public static double[][] of(List<LabelledImage> images) {
        var sums = new double[10][LabelledImage.PIXELS];
        var counts = new int[10];
        for (var image : images) {
            var pixels = image.pixels();
            var sum = sums[image.label()];
            for (int i = 0; i < pixels.length; i++) {
                sum[i] += pixels[i] & 0xFF;
            }
            counts[image.label()]++;
        }
        for (int digit = 0; digit < 10; digit++) {
            for (int i = 0; i < LabelledImage.PIXELS; i++) {
                sums[digit][i] = counts[digit] == 0 ? 0 : sums[digit][i] / counts[digit];
            }
        }
        return sums;
    }
}
