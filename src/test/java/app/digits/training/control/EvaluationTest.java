package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Reads the digit written in an image's first pixel, wrong for every image whose second pixel is set. */
    private static final class FirstPixel implements DigitClassifier {

        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public double[] probabilities(byte[] pixels) {
            threads.add(Thread.currentThread());
            var probabilities = new double[10];
            probabilities[(pixels[0] + pixels[1]) % 10] = 1;
            return probabilities;
        }
    }

    /** Image i shows digit i % 10; every seventh is misread as the next digit. */
    private static List<LabelledImage> images(int count) {
        var images = new ArrayList<LabelledImage>();
        for (int i = 0; i < count; i++) {
            var pixels = new byte[784];
            pixels[0] = (byte) (i % 10);
            pixels[1] = (byte) (i % 7 == 0 ? 1 : 0);
            images.add(new LabelledImage(i % 10, pixels));
        }
        return images;
    }

    @Test
    void everyImageIsScoredInItsPlaceWhetherTimedOrReadInParallelChunks() {
        int count = Evaluation.LATENCY_SAMPLE + 3 * ParallelReading.CHUNK + 17;
        var images = images(count);
        var classifier = new FirstPixel();

        var report = Evaluation.evaluate(classifier, images);

        int wrong = 0;
        for (int i = 0; i < count; i++) {
            boolean misread = i % 7 == 0;
            wrong += misread ? 1 : 0;
            assertEquals(misread ? (i + 1) % 10 : i % 10, report.predictions()[i], "image " + i);
            assertEquals(!misread, report.right()[i], "image " + i);
        }
        assertEquals(count, report.confusion().total());
        assertEquals((double) (count - wrong) / count, report.accuracy(), 1e-12);
        assertTrue(report.medianLatencyMicros() >= 0);
    }

    @Test
    void fewerImagesThanTheLatencySampleAreAllTimedOneByOne() {
        var classifier = new FirstPixel();
        var report = Evaluation.evaluate(classifier, images(30));
        assertEquals(30, report.right().length);
        assertEquals(Set.of(Thread.currentThread()), classifier.threads);
        assertFalse(report.right()[0]);
        assertTrue(report.right()[1]);
    }

    @Test
    void aHeldOutFoldIsScoredLikeTheTestSet() {
        var images = images(2 * ParallelReading.CHUNK + 5);
        long right = images.stream().filter(image -> image.pixels()[1] == 0).count();
        assertEquals((double) right / images.size(), ParallelReading.accuracy(new FirstPixel(), images), 1e-12);
    }
}
