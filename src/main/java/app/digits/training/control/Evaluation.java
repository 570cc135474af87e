package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import java.util.List;

/** Scores a classifier on labelled images: the share it gets right, taking the most probable digit. */
public final class Evaluation {

    private Evaluation() {
    }

    public static double accuracy(DigitClassifier classifier, List<LabelledImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Cannot score a classifier on no images");
        }
        long correct = images.parallelStream()
                .filter(image -> DigitClassifier.mostLikely(classifier.probabilities(image.pixels())) == image.label())
                .count();
        return (double) correct / images.size();
    }
}
