package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchQueueTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private static BatchQueue.Settings settings(int maxBatch, int capacity) {
        return new BatchQueue.Settings("test-batches", maxBatch, Duration.ZERO, capacity, "Too many waiting", Duration.ofSeconds(3));
    }

    /** Work that records each batch, waits for {@code gate} on the first one, and answers each item with ten times it. */
    private BatchQueue.Work<Integer, Integer> timesTen(CountDownLatch firstBatchTaken, CountDownLatch gate) {
        return batch -> {
            batches.add(batch.stream().map(BatchQueue.Item::value).toList());
            firstBatchTaken.countDown();
            await(gate);
            batch.forEach(item -> item.done(item.value() * 10));
        };
    }

    @Test
    void itemsThatQueueWhileABatchRunsFormTheNextBatchAndEachCallerGetsItsOwnAnswer() throws Exception {
        var taken = new CountDownLatch(1);
        var gate = new CountDownLatch(1);
        try (var queue = new BatchQueue<>(settings(32, 100), timesTen(taken, gate))) {
            var first = callers.submit(() -> queue.submit(1));
            taken.await();
            var waiting = new ArrayList<Future<Integer>>();
            for (int i = 2; i <= 9; i++) {
                int value = i;
                waiting.add(callers.submit(() -> queue.submit(value)));
            }
            while (queue.waiting() < 8) {
                Thread.onSpinWait();
            }
            gate.countDown();

            assertEquals(10, first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < waiting.size(); i++) {
                assertEquals((i + 2) * 10, waiting.get(i).get(10, TimeUnit.SECONDS), "caller of " + (i + 2));
            }
            assertEquals(List.of(1), batches.get(0));
            assertEquals(2, batches.size(), "the eight waiting items went in one batch: " + batches);
            assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), batches.get(1).stream().sorted().toList());
        }
    }

    @Test
    void aBatchIsNeverLargerThanItsMaximum() throws Exception {
        var taken = new CountDownLatch(1);
        var gate = new CountDownLatch(1);
        try (var queue = new BatchQueue<>(settings(3, 100), timesTen(taken, gate))) {
            var answers = new ArrayList<Future<Integer>>();
            answers.add(callers.submit(() -> queue.submit(0)));
            taken.await();
            for (int i = 1; i <= 7; i++) {
                int value = i;
                answers.add(callers.submit(() -> queue.submit(value)));
            }
            while (queue.waiting() < 7) {
                Thread.onSpinWait();
            }
            gate.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(i * 10, answers.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of(1, 3, 3, 1), batches.stream().map(List::size).toList());
        }
    }

    @Test
    void aFailedBatchFailsItsCallersWithTheWorksExceptionAndOnlyThem() throws Exception {
        var poison = new IllegalStateException("The model failed to read a batch");
        BatchQueue.Work<Integer, Integer> work = batch -> {
            if (batch.stream().anyMatch(item -> item.value() < 0)) {
                throw poison;
            }
            batch.forEach(item -> item.done(item.value()));
        };
        try (var queue = new BatchQueue<>(settings(1, 10), work)) {
            var failed = assertThrows(IllegalStateException.class, () -> queue.submit(-1));
            assertSame(poison, failed);
            assertEquals(5, queue.submit(5), "the next batch is done as usual");
        }
    }

    @Test
    void anItemTheWorkLeavesUnansweredFailsRatherThanWaitingForever() {
        try (var queue = new BatchQueue<Integer, Integer>(settings(4, 10), batch -> { })) {
            var failed = assertThrows(IllegalStateException.class, () -> queue.submit(1));
            assertTrue(failed.getMessage().contains("unanswered"), failed.getMessage());
        }
    }

    @Test
    void aFullQueueRefusesAtOnceWith503AndRetryAfter() throws Exception {
        var taken = new CountDownLatch(1);
        var gate = new CountDownLatch(1);
        try (var queue = new BatchQueue<>(settings(1, 2), timesTen(taken, gate))) {
            var running = callers.submit(() -> queue.submit(1));
            taken.await();
            var queued = List.of(callers.submit(() -> queue.submit(2)), callers.submit(() -> queue.submit(3)));
            while (queue.waiting() < 2) {
                Thread.onSpinWait();
            }

            var refused = assertThrows(ProblemException.class, () -> queue.submit(4));
            assertEquals(503, refused.status());
            assertEquals(Optional.of(Duration.ofSeconds(3)), refused.retryAfter());
            assertEquals("Too many waiting", refused.getMessage());

            gate.countDown();
            assertEquals(10, running.get(10, TimeUnit.SECONDS));
            assertEquals(20, queued.get(0).get(10, TimeUnit.SECONDS));
            assertEquals(30, queued.get(1).get(10, TimeUnit.SECONDS));
            // 2 and 3 were queued by two threads at once, so either may be taken first
            var done = batches.stream().flatMap(List::stream).sorted().toList();
            assertEquals(List.of(1, 2, 3), done, "the refused item never reached the work");
            assertEquals(3, batches.size(), "one item a batch, as configured");
        }
    }

    @Test
    void closingFinishesWhatIsQueuedAndThenRefuses() throws Exception {
        var queue = new BatchQueue<Integer, Integer>(settings(8, 10), batch -> batch.forEach(item -> item.done(item.value())));
        assertEquals(7, queue.submit(7));
        queue.close();
        assertEquals(503, assertThrows(ProblemException.class, () -> queue.submit(8)).status());
    }

    @Test
    void settingsOutsideTheirBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(0, 10));
        assertThrows(IllegalArgumentException.class, () -> settings(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BatchQueue.Settings("x", 1, Duration.ofMillis(-1), 1, "", Duration.ZERO));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
