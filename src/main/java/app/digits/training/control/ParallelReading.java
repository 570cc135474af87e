package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads many labelled images with one trained model on every core, for scoring (the test set after a fit, the
 * held-out fold of a grid point). Serving's adapters are all safe to call from several threads, so the images
 * are read in chunks side by side, each chunk in one call of the model's batch method (one forward pass for the
 * CNN, one native call for XGBoost). Scoring one image at a time on one thread left a core idle: the SVM and the
 * k-nearest neighbours, 6-7 ms an image, spent over a minute each on the 10,000 test images of the default job.
 */
final class ParallelReading {

    static final int CHUNK = 250;

    private ParallelReading() {
    }

    /** The digit the classifier reads in each image from {@code from} on, in image order. */
    static byte[] digits(DigitClassifier classifier, List<LabelledImage> images, int from) {
        int count = images.size() - from;
        var digits = new byte[Math.max(0, count)];
        IntStream.range(0, (digits.length + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            int start = chunk * CHUNK;
            int end = Math.min(digits.length, start + CHUNK);
            var pixels = images.subList(from + start, from + end).stream().map(LabelledImage::pixels).toList();
            var answers = classifier.probabilities(pixels);
            for (int i = 0; i < answers.size(); i++) {
                digits[start + i] = (byte) DigitClassifier.mostLikely(answers.get(i));
            }
        });
        return digits;
    }

    /** The share of the images whose digit the classifier reads right. */
    static double accuracy(DigitClassifier classifier, List<LabelledImage> images) {
        var digits = digits(classifier, images, 0);
        long right = IntStream.range(0, digits.length).filter(i -> digits[i] == images.get(i).label()).count();
        return (double) right / images.size();
    }
}
