package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Training images any learner separates quickly, for tests that need a model, not MNIST. */
final class Bands {

    private Bands() {
    }

    /** Ten well separated classes: digit d lights row band d, with noise elsewhere. */
    static List<LabelledImage> of(int perClass, long seed) {
        var random = new Random(seed);
        var images = new ArrayList<LabelledImage>();
        for (int n = 0; n < perClass; n++) {
            for (int digit = 0; digit < 10; digit++) {
                var pixels = new byte[784];
                for (int i = 0; i < 784; i++) {
                    int row = i / 28;
                    boolean band = row >= 2 + digit * 2 && row < 4 + digit * 2;
                    pixels[i] = (byte) (band ? 150 + random.nextInt(100) : random.nextInt(60));
                }
                images.add(new LabelledImage(digit, pixels));
            }
        }
        return images;
    }
}
