package app.digits.admin.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.PngImages;
import app.digits.registry.entity.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The gallery of a model's mistakes on the MNIST test set, a page at a time: each test image it got wrong,
 * with its true and predicted digit, read from the answers the model's sidecar kept (no need to load the
 * model). Optionally only the images of one true digit; or, for one cell of the confusion matrix, the test
 * images of one true digit read as one predicted digit (the right answers, on the diagonal).
 */
public final class Mistakes {

    /** One wrong answer: the test image (as a PNG data URL), where it sits in the test set, and the two digits. */
    public record Mistake(int index, String image, int actual, int predicted) {
    }

    private Mistakes() {
    }

    /**
     * One page of the mistakes of {@code digit} (every true digit when null); with {@code predicted}, the images
     * of {@code digit} read as {@code predicted} instead, right or wrong.
     */
    public static Slice<Mistake> of(ModelDescriptor model, List<LabelledImage> test, Integer digit, Integer predicted, int page, int size) {
        var predictions = model.test().predictedDigits();
        var wrong = new ArrayList<Integer>();
        if (predictions.length == test.size()) {
            for (int i = 0; i < predictions.length; i++) {
                int actual = test.get(i).label();
                boolean shown = predicted == null ? predictions[i] != actual : predictions[i] == predicted;
                if (shown && (digit == null || digit == actual)) {
                    wrong.add(i);
                }
            }
        }
        return Slice.of(wrong, page, size).map(
                i -> new Mistake(i, PngImages.dataUrl(PngImages.greyLevels(test.get(i).pixels(), 28)), test.get(i).label(), predictions[i]));
    }
}
