package app.digits.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.digits.platform.control.ProblemException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecognitionCapacityTest {

    @Test
    void runsTheWorkAndFreesItsSlot() {
        var capacity = new RecognitionCapacity(1, 0, 2);
        assertEquals("a", capacity.call(() -> "a"));
        assertEquals("b", capacity.call(() -> "b"), "the slot of the first call was given back");
    }

    @Test
    void refusesWithRetryAfterWhenEverySlotStaysBusy() throws Exception {
        var capacity = new RecognitionCapacity(2, 50, 7);
        var started = new CountDownLatch(2);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> capacity.call(() -> {
                    started.countDown();
                    await(release);
                    return null;
                }));
            }
            started.await();

            var refused = assertThrows(ProblemException.class, () -> capacity.call(() -> "third"));
            assertEquals(503, refused.status());
            assertEquals(503, refused.status());
            assertEquals(Optional.of(Duration.ofSeconds(7)), refused.retryAfter());

            release.countDown();
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            assertEquals("after", capacity.call(() -> "after"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingRecognitionGivesItsSlotBack() {
        var capacity = new RecognitionCapacity(1, 0, 1);
        assertThrows(IllegalStateException.class, () -> capacity.call(() -> {
            throw new IllegalStateException("corrupt");
        }));
        assertEquals("next", capacity.call(() -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
