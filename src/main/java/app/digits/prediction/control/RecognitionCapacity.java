package app.digits.prediction.control;

import app.digits.platform.control.ProblemException;
import java.time.Duration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bulkhead around the memory-hungry part of recognition: decoding a 4-megapixel upload takes tens of
 * megabytes for a moment, so only a few drawings are decoded and normalized at once
 * ({@code digits.recognition.max-concurrent}; a whole number is also segmented and read inside it); a request
 * waits a short, bounded time ({@code max-wait-ms}) for its turn and is then refused with a 503 and
 * {@code Retry-After}, instead of every upload decoding at once and the heap growing with the number of
 * clients. A single digit leaves it with its 28x28 image only, which waits for the model's next batch
 * ({@link InferenceBatcher}), so the bulkhead does not also cap how many images a batch can hold.
 */
@ApplicationScoped
public class RecognitionCapacity {

    @Inject
    @ConfigProperty(name = "digits.recognition.max-concurrent", defaultValue = "4")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "digits.recognition.max-wait-ms", defaultValue = "5000")
    long maxWaitMillis;

    @Inject
    @ConfigProperty(name = "digits.recognition.retry-after-seconds", defaultValue = "1")
    int retryAfterSeconds;

    private Semaphore slots;

    public RecognitionCapacity() {
    }

    RecognitionCapacity(int maxConcurrent, long maxWaitMillis, int retryAfterSeconds) {
        this.maxConcurrent = maxConcurrent;
        this.maxWaitMillis = maxWaitMillis;
        this.retryAfterSeconds = retryAfterSeconds;
        init();
    }

    @PostConstruct
    void init() {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("digits.recognition.max-concurrent must be at least 1, not " + maxConcurrent);
        }
        slots = new Semaphore(maxConcurrent, true);
    }

    /** Runs the work in one of the slots, or refuses it with a 503 when none frees up in time. */
    public <T> T call(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private ProblemException busy() {
        return ProblemException.unavailable("The server is recognizing " + maxConcurrent
                + " drawings already; try again in a moment", Duration.ofSeconds(retryAfterSeconds));
    }
}
