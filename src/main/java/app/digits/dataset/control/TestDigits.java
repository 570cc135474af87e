package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test-set images for people to try: the drawing pages' "test digit" button puts one on the pad, so a visitor
 * sees the model read an image it never trained on without drawing one, and compares the answer with its
 * label. Images are addressed by their position in the test set's stable order.
 */
@ApplicationScoped
public class TestDigits {

    private static final Duration IMPORT_WAIT = Duration.ofSeconds(5);

    /** A test image and its position in the test set. */
    public record TestDigit(int index, LabelledImage image) {
    }

    @Inject
    MnistReader reader;

    /** The image at {@code index}; 404 when the test set is shorter. */
    public TestDigit at(int index) {
        return pick(reader.testSet(), index);
    }

    /** Any test image, drawn at random. */
    public TestDigit any() {
        var images = reader.testSet();
        if (images.isEmpty()) {
            throw ProblemException.unavailable("The test set is not imported yet", IMPORT_WAIT);
        }
        return pick(images, ThreadLocalRandom.current().nextInt(images.size()));
    }

    static TestDigit pick(List<LabelledImage> images, int index) {
        if (index < 0 || index >= images.size()) {
            throw ProblemException.notFound("There is no test image " + index + ": the test set holds "
                    + images.size() + " images");
        }
        return new TestDigit(index, images.get(index));
    }
}
