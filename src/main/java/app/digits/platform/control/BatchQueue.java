package app.digits.platform.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands the work of many concurrent callers to one worker thread that does it a batch at a time, each caller
 * waiting for its own item's answer. Some work costs far less per item in a batch than alone: a network's
 * forward pass over 16 images, one {@code insertMany} of 16 documents instead of 16 round trips. The worker
 * takes what is queued, waits at most {@code maxWait} after the first item for more (a batch is at most
 * {@code maxBatch}), does the batch, and goes on with what queued meanwhile, so under load batches form by
 * themselves and at rest an item waits at most {@code maxWait}. The queue is bounded: a caller that finds it
 * full is refused at once with a 503 problem and {@code Retry-After}, never queued without limit. If the work
 * throws, every item of that batch fails with that exception (and only that batch); an item the work left
 * unanswered fails too, so no caller waits forever.
 *
 * @param <I> what a caller hands in
 * @param <O> what it gets back
 */
public final class BatchQueue<I, O> implements AutoCloseable {

    /** The work on one batch: answers each item with {@link Item#done} or {@link Item#failed}, or throws. */
    @FunctionalInterface
    public interface Work<I, O> {
        void run(List<Item<I, O>> batch);
    }

    /** One caller's item in a batch, and the way to answer it. */
    public static final class Item<I, O> {

        private final I value;
        private final CompletableFuture<O> answer = new CompletableFuture<>();

        private Item(I value) {
            this.value = value;
        }

        public I value() {
            return value;
        }

        public void done(O result) {
            answer.complete(result);
        }

        public void failed(Throwable cause) {
            answer.completeExceptionally(cause);
        }
    }

    /** How batches form and when callers are refused. */
    public record Settings(String name, int maxBatch, Duration maxWait, int capacity, String fullMessage,
                           Duration retryAfter) {
        public Settings {
            if (maxBatch < 1 || capacity < 1) {
                throw new IllegalArgumentException(name + ": batch size and queue capacity must be at least 1, not "
                        + maxBatch + " and " + capacity);
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException(name + ": the wait for a batch cannot be negative: " + maxWait);
            }
        }
    }

    private final Settings settings;
    private final Work<I, O> work;
    private final BlockingQueue<Item<I, O>> queue;
    private final Thread worker;
    private volatile boolean open = true;

    public BatchQueue(Settings settings, Work<I, O> work) {
        this.settings = settings;
        this.work = work;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.worker = Thread.ofPlatform().name(settings.name()).daemon().unstarted(this::loop);
        worker.setContextClassLoader(BatchQueue.class.getClassLoader());
        worker.start();
    }

    /**
     * Queues the item, waits for its batch to be done and answers its result; rethrows the work's exception
     * when its batch failed, and refuses with a 503 problem when the queue is full or closed.
     */
    public O submit(I value) {
        var item = new Item<I, O>(value);
        if (!open || !queue.offer(item)) {
            throw ProblemException.unavailable(settings.fullMessage(), settings.retryAfter());
        }
        try {
            return item.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable(settings.fullMessage(), settings.retryAfter());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(settings.name() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void loop() {
        var batch = new ArrayList<Item<I, O>>(settings.maxBatch());
        while (open || !queue.isEmpty()) {
            try {
                fill(batch);
            } catch (InterruptedException e) {
                if (batch.isEmpty()) {
                    continue;
                }
            }
            if (!batch.isEmpty()) {
                run(batch);
                batch.clear();
            }
        }
        var closed = ProblemException.unavailable(settings.fullMessage(), settings.retryAfter());
        for (var item = queue.poll(); item != null; item = queue.poll()) {
            item.failed(closed);
        }
    }

    /** Takes the first item (waiting for it), then more until the batch is full or the wait is over. */
    private void fill(List<Item<I, O>> batch) throws InterruptedException {
        var first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (batch.size() < settings.maxBatch()) {
            if (queue.drainTo(batch, settings.maxBatch() - batch.size()) > 0) {
                continue;
            }
            long left = deadline - System.nanoTime();
            var next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void run(List<Item<I, O>> batch) {
        try {
            work.run(List.copyOf(batch));
        } catch (RuntimeException | Error e) {
            batch.forEach(item -> item.failed(e));
        } finally {
            var unanswered = new IllegalStateException(settings.name() + " left an item of its batch unanswered");
            batch.forEach(item -> item.failed(unanswered));
        }
    }

    /** How many items wait for the worker now. */
    public int waiting() {
        return queue.size();
    }

    /** Refuses new items, lets the worker finish what is queued, and waits for it (at most ten seconds). */
    @Override
    public void close() {
        open = false;
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
