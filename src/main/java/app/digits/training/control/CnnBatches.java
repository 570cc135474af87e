package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Prepares the CNN's training batches on a thread of its own, a few batches ahead, while PyTorch trains on the
 * ones before: distorting an image costs about as much as a forward pass of the small network, and on the
 * training thread it would leave a core idle between steps. One producer with one seeded {@link Random} shuffles
 * each epoch and draws every distortion, so a seeded run sees the same batches in the same order whatever the
 * threads' timing. Closing it stops the producer (a stopped or failed run does not leave it behind).
 */
final class CnnBatches implements AutoCloseable {

    /**
     * How training images are varied: not at all, by a shift of up to two pixels, like real writing, or like real
     * writing with the last epochs eased to half the distortions ({@code settling}: the network ends its run,
     * at its smallest learning rates, on images nearer the clean digits it is scored on, after having learned
     * from the full range), or like real writing with a share of the digits first cut out of touching numbers
     * ({@code numbers}, {@link NeighbourFragments}).
     */
    enum Augmentation {
        NONE, SHIFTS, WRITING, SETTLING, NUMBERS
    }

    /** The share of images {@code NUMBERS} turns into pieces of touching numbers. */
    static final double PIECES = 0.4;

    /** How many final epochs {@code SETTLING} eases, at most (never the first epoch). */
    static final int SETTLING_EPOCHS = 2;

    /** One mini-batch: {@code size} images of 28x28 floats one after the other, and their labels. */
    record Batch(float[] pixels, float[] labels, int size) {
    }

    private static final int MAX_SHIFT = 2;
    private static final int AHEAD = 8;
    private static final Batch END_OF_EPOCH = new Batch(new float[0], new float[0], 0);

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread producer;
    private volatile RuntimeException failure;

    CnnBatches(List<LabelledImage> images, int epochs, int batchSize, Augmentation augmentation, long seed) {
        producer = Thread.ofPlatform().daemon().name("cnn-batches").unstarted(() -> {
            try {
                produce(images, epochs, batchSize, augmentation, new Random(seed));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                queue.offer(END_OF_EPOCH);
            }
        });
        producer.start();
    }

    /** The next batch of the current epoch, or empty when the epoch is over; an interrupt cancels training. */
    Optional<Batch> next() {
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("CNN training interrupted");
        }
        if (failure != null) {
            throw failure;
        }
        return batch == END_OF_EPOCH ? Optional.empty() : Optional.of(batch);
    }

    @Override
    public void close() {
        producer.interrupt();
    }

    private void produce(List<LabelledImage> images, int epochs, int batchSize, Augmentation augmentation, Random random)
            throws InterruptedException {
        for (int epoch = 0; epoch < epochs; epoch++) {
            var ranges = augmentation == Augmentation.SETTLING && epoch >= Math.max(1, epochs - SETTLING_EPOCHS)
                    ? CnnAugmentation.WRITING.scaled(0.5) : CnnAugmentation.WRITING;
            var order = Shuffle.permutation(images.size(), random);
            for (int from = 0; from < order.length; from += batchSize) {
                int size = Math.min(batchSize, order.length - from);
                var pixels = new float[size * LabelledImage.PIXELS];
                var labels = new float[size];
                for (int i = 0; i < size; i++) {
                    var image = images.get(order[from + i]);
                    var source = augmentation == Augmentation.NUMBERS && random.nextDouble() < PIECES
                            ? NeighbourFragments.piece(image.pixels(), images.get(random.nextInt(images.size())).pixels(), random)
                            : image.pixels();
                    write(source, augmentation, ranges, random, pixels, i * LabelledImage.PIXELS);
                    labels[i] = image.label();
                }
                queue.put(new Batch(pixels, labels, size));
            }
            queue.put(END_OF_EPOCH);
        }
    }

    private static void write(byte[] pixels, Augmentation augmentation, CnnAugmentation.Ranges ranges, Random random, float[] out,
                              int offset) {
        switch (augmentation) {
            case NONE -> CnnInputs.shifted(pixels, 0, 0, out, offset);
            case SHIFTS -> CnnInputs.shifted(pixels, random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT,
                    random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT, out, offset);
            case WRITING, SETTLING, NUMBERS -> CnnAugmentation.distort(pixels, ranges, random, out, offset);
        }
    }
}
