package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.Random;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Sparse noisy images whose digit depends on a few pixels (and on none for one image in seven): trees grown on
 * them have many levels, so the tree tests compare trees worth comparing.
 */
final class MessyImages {

    private MessyImages() {
    }

    static Instances of(int count, long seed) {
        var random = new Random(seed);
        var data = WekaClassifier.header(count);
        for (int n = 0; n < count; n++) {
            var pixels = new byte[LabelledImage.PIXELS];
            for (int i = 0; i < pixels.length; i++) {
                if (random.nextDouble() < 0.2) {
                    pixels[i] = (byte) (1 + random.nextInt(255));
                }
            }
            int digit = random.nextDouble() < 0.15 ? random.nextInt(10)
                    : ((pixels[300] & 0xFF) / 64 + (pixels[400] & 0xFF) / 86 * 4 + ((pixels[500] & 0xFF) > 128 ? 1 : 0)) % 10;
            data.add(new DenseInstance(1.0, WekaClassifier.values(pixels, digit)));
        }
        return data;
    }
}
