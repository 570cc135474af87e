package app.digits.prediction.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.DigitClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InferenceBatcherTest {

    /** A model that is sure of the digit written in the first pixel, and records the size of each batch it reads. */
    private static class FirstPixelModel implements DigitClassifier {

        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final double sureness;

        FirstPixelModel(double sureness) {
            this.sureness = sureness;
        }

        @Override
        public double[] probabilities(byte[] pixels) {
            var probabilities = new double[10];
            java.util.Arrays.fill(probabilities, (1 - sureness) / 9);
            probabilities[pixels[0]] = sureness;
            return probabilities;
        }

        @Override
        public List<double[]> probabilities(List<byte[]> images) {
            batchSizes.add(images.size());
            return DigitClassifier.super.probabilities(images);
        }
    }

    private static byte[] imageOf(int digit) {
        var pixels = new byte[784];
        pixels[0] = (byte) digit;
        return pixels;
    }

    @Test
    void concurrentRequestsAreReadInBatchesAndEachGetsItsOwnImagesAnswer() throws Exception {
        var model = new FirstPixelModel(0.9);
        var batcher = new InferenceBatcher(32, 200_000, 64, 1);
        var pool = Executors.newFixedThreadPool(20);
        var start = new CountDownLatch(1);
        try {
            var answers = new ArrayList<Future<double[]>>();
            for (int i = 0; i < 20; i++) {
                int digit = i % 10;
                answers.add(pool.submit(() -> {
                    start.await();
                    return batcher.probabilities(model, imageOf(digit));
                }));
            }
            start.countDown();
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(model.probabilities(imageOf(i % 10)), answers.get(i).get(10, TimeUnit.SECONDS), "request " + i);
            }
            assertEquals(20, model.batchSizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(model.batchSizes.stream().anyMatch(size -> size > 1),
                    "requests arriving together within the 200 ms wait share a pass: " + model.batchSizes);
        } finally {
            pool.shutdownNow();
            batcher.close();
        }
    }

    @Test
    void imagesOfOneBatchTakenByTwoModelsAreEachReadByTheirOwnModel() throws Exception {
        var served = new FirstPixelModel(0.9);
        var swappedIn = new FirstPixelModel(0.6);
        var batcher = new InferenceBatcher(32, 200_000, 64, 1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var fromServed = pool.submit(() -> batcher.probabilities(served, imageOf(3)));
            var fromSwappedIn = pool.submit(() -> batcher.probabilities(swappedIn, imageOf(3)));
            assertEquals(0.9, fromServed.get(10, TimeUnit.SECONDS)[3], 1e-12);
            assertEquals(0.6, fromSwappedIn.get(10, TimeUnit.SECONDS)[3], 1e-12);
            assertEquals(1, served.batchSizes.stream().mapToInt(Integer::intValue).sum());
            assertEquals(1, swappedIn.batchSizes.stream().mapToInt(Integer::intValue).sum());
        } finally {
            pool.shutdownNow();
            batcher.close();
        }
    }

    @Test
    void aModelFailingOnABatchFailsItsRequestsWithAClearError() {
        DigitClassifier broken = pixels -> {
            throw new IllegalArgumentException("Expected 784 pixels");
        };
        var batcher = new InferenceBatcher(8, 0, 8, 1);
        try {
            var failure = assertThrows(IllegalStateException.class, () -> batcher.probabilities(broken, imageOf(1)));
            assertEquals("The model failed to read a batch of 1 drawings: Expected 784 pixels", failure.getMessage());
            assertEquals(0.9, batcher.probabilities(new FirstPixelModel(0.9), imageOf(2))[2], 1e-12,
                    "the next batch, of a working model, is read as usual");
        } finally {
            batcher.close();
        }
    }

    @Test
    void aModelAnsweringFewerImagesThanItWasGivenFailsItsRequests() {
        var lossy = new FirstPixelModel(0.9) {
            @Override
            public List<double[]> probabilities(List<byte[]> images) {
                return List.of();
            }
        };
        var batcher = new InferenceBatcher(8, 0, 8, 1);
        try {
            var failure = assertThrows(IllegalStateException.class, () -> batcher.probabilities(lossy, imageOf(1)));
            assertTrue(failure.getMessage().startsWith("The model failed to read a batch of 1 drawings"), failure.getMessage());
        } finally {
            batcher.close();
        }
    }
}
