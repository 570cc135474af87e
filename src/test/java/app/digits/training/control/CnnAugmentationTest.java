package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CnnAugmentationTest {

    /** The image as the CNN reads it, unshifted: grey levels in [0, 1]. */
    private static float[] scaled(byte[] pixels) {
        var out = new float[CnnInputs.SIDE * CnnInputs.SIDE];
        CnnInputs.shifted(pixels, 0, 0, out, 0);
        return out;
    }


    private static final CnnAugmentation.Ranges NONE = new CnnAugmentation.Ranges(0, 0, 0, 0, 0, 0, 0, 0);

    @Test
    void withoutRangesTheImageComesOutAsItWent() {
        var pixels = bar();
        var out = new float[LabelledImage.PIXELS];
        CnnAugmentation.distort(pixels, NONE, new Random(1), out, 0);
        assertArrayEquals(scaled(pixels), out, 1e-6f);
    }

    @Test
    void inkOnTheImagesEdgesIsSampledLikeInkInside() {
        var frame = new byte[LabelledImage.PIXELS];
        for (int i = 0; i < 28; i++) {
            frame[i] = frame[27 * 28 + i] = frame[i * 28] = frame[i * 28 + 27] = (byte) 200;
        }
        var out = new float[LabelledImage.PIXELS];
        CnnAugmentation.distort(frame, NONE, new Random(1), out, 0);
        assertArrayEquals(scaled(frame), out, 1e-6f);
    }

    @Test
    void inkShiftedOutOfTheImageLeavesItBlank() {
        var out = new float[LabelledImage.PIXELS];
        Arrays.fill(out, 1);
        // Every draw at 0.99 of its range: a shift of 39 pixels right and down, past the image's far corner.
        var nearTheTop = new Random() {
            @Override
            public double nextDouble() {
                return 0.99;
            }
        };
        CnnAugmentation.distort(bar(), new CnnAugmentation.Ranges(0, 0, 0, 40, 0, 0, 0, 0), nearTheTop, out, 0);
        assertEquals(0, sum(out), 1e-9);
    }

    @Test
    void theSameSeedDrawsTheSameDistortionAndAnotherSeedAnother() {
        var pixels = bar();
        var first = new float[LabelledImage.PIXELS];
        var again = new float[LabelledImage.PIXELS];
        var other = new float[LabelledImage.PIXELS];
        CnnAugmentation.distort(pixels, CnnAugmentation.WRITING, new Random(5), first, 0);
        CnnAugmentation.distort(pixels, CnnAugmentation.WRITING, new Random(5), again, 0);
        CnnAugmentation.distort(pixels, CnnAugmentation.WRITING, new Random(6), other, 0);
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
        assertFalse(Arrays.equals(first, scaled(pixels)));
    }

    @Test
    void aRotationTurnsAVerticalBarAndKeepsItsInkNearTheCentre() {
        var rotated = new float[LabelledImage.PIXELS];
        CnnAugmentation.distort(bar(), new CnnAugmentation.Ranges(12, 0, 0, 0, 0, 0, 0, 0), new Random(3), rotated, 0);
        // A bar from row 4 to 23 in column 14: turned, its top and bottom leave that column, its middle stays.
        assertTrue(rotated[4 * 28 + 14] < 0.9f, "top " + rotated[4 * 28 + 14]);
        assertTrue(rotated[14 * 28 + 14] > 0.5f, "centre " + rotated[14 * 28 + 14]);
    }

    @Test
    void bolderStrokesHoldMoreInkAndThinnerLess() {
        var image = scaled(bar());
        double ink = sum(image);
        assertTrue(sum(CnnAugmentation.stroke(image, 1)) > ink * 2.5, "a 1 px bar dilated by a cross becomes 3 px wide");
        assertTrue(sum(CnnAugmentation.stroke(image, 0.5)) > ink);
        assertEquals(0, sum(CnnAugmentation.stroke(image, -1)), 1e-6, "a 1 px bar eroded disappears");
        assertEquals(ink / 2, sum(CnnAugmentation.stroke(image, -0.5)), 1e-3);
        assertArrayEquals(image, CnnAugmentation.stroke(image, 0));
    }

    @Test
    void batchesVisitEveryImageOncePerEpochAndRepeatForTheSameSeed() {
        var images = new ArrayList<LabelledImage>();
        for (int i = 0; i < 10; i++) {
            images.add(new LabelledImage(i, bar()));
        }
        var first = epochs(images, 11);
        assertEquals(first, epochs(images, 11));
        assertEquals(3 * 2, first.size(), "two epochs of batches of 4, 4 and 2");
        for (int epoch = 0; epoch < 2; epoch++) {
            var labels = new ArrayList<Integer>();
            first.subList(epoch * 3, epoch * 3 + 3).forEach(labels::addAll);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), labels.stream().sorted().toList());
        }
        assertFalse(first.subList(0, 3).equals(first.subList(3, 6)), "each epoch is shuffled anew");
    }

    @Test
    void halfRangesDistortHalfAsFar() {
        assertEquals(NONE, CnnAugmentation.WRITING.scaled(0));
        var half = CnnAugmentation.WRITING.scaled(0.5);
        assertEquals(CnnAugmentation.WRITING.rotationDegrees() / 2, half.rotationDegrees(), 1e-9);
        assertEquals(CnnAugmentation.WRITING.elastic() / 2, half.elastic(), 1e-9);
        assertEquals(CnnAugmentation.WRITING.brighter() / 2, half.brighter(), 1e-9);
    }

    @Test
    void settlingDrawsLikeWritingThenEasesTheLastEpochsTowardTheCleanImages() {
        var images = new ArrayList<LabelledImage>();
        for (int i = 0; i < 10; i++) {
            images.add(new LabelledImage(i, bar()));
        }
        int epochs = CnnBatches.SETTLING_EPOCHS + 2;
        var writing = pixelsPerEpoch(images, epochs, CnnBatches.Augmentation.WRITING);
        var settling = pixelsPerEpoch(images, epochs, CnnBatches.Augmentation.SETTLING);
        for (int epoch = 0; epoch < 2; epoch++) {
            assertArrayEquals(writing.get(epoch), settling.get(epoch), "epoch " + (epoch + 1) + " is not eased");
        }
        var clean = scaled(bar());
        for (int epoch = 2; epoch < epochs; epoch++) {
            assertTrue(distance(settling.get(epoch), clean) < distance(writing.get(epoch), clean),
                    "epoch " + (epoch + 1) + " is eased: " + distance(settling.get(epoch), clean) + " against "
                            + distance(writing.get(epoch), clean));
        }
    }

    /** Each epoch's one batch (all the images) as the producer wrote it. */
    private static List<float[]> pixelsPerEpoch(List<LabelledImage> images, int epochs, CnnBatches.Augmentation augmentation) {
        var pixels = new ArrayList<float[]>();
        try (var producer = new CnnBatches(images, epochs, images.size(), augmentation, 7)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                pixels.add(producer.next().orElseThrow().pixels());
                assertTrue(producer.next().isEmpty());
            }
        }
        return pixels;
    }

    /** Summed absolute difference of every image in the batch from {@code clean}. */
    private static double distance(float[] batch, float[] clean) {
        double total = 0;
        for (int i = 0; i < batch.length; i++) {
            total += Math.abs(batch[i] - clean[i % clean.length]);
        }
        return total;
    }

    private static List<List<Integer>> epochs(List<LabelledImage> images, long seed) {
        var batches = new ArrayList<List<Integer>>();
        try (var producer = new CnnBatches(images, 2, 4, CnnBatches.Augmentation.WRITING, seed)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                for (var next = producer.next(); next.isPresent(); next = producer.next()) {
                    var batch = next.get();
                    assertEquals(batch.size() * LabelledImage.PIXELS, batch.pixels().length);
                    var labels = new ArrayList<Integer>();
                    for (float label : batch.labels()) {
                        labels.add((int) label);
                    }
                    batches.add(labels);
                }
            }
        }
        return batches;
    }

    private static byte[] bar() {
        var pixels = new byte[LabelledImage.PIXELS];
        for (int y = 4; y < 24; y++) {
            pixels[y * 28 + 14] = (byte) 255;
        }
        return pixels;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
