package app.digits.prediction.control;

import app.digits.platform.control.BatchQueue;
import app.digits.registry.entity.DigitClassifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Micro-batching of the served model's inferences: concurrent requests are gathered for a short, bounded wait
 * ({@code digits.inference.batch-wait-micros}, at most {@code batch-size} images) and read in one batched pass
 * of the model, each request getting its own ten probabilities back. One pass of the CNN over 16 images costs
 * a fraction of 16 single passes, and one thread feeding the model keeps PyTorch's threads from competing with
 * the request threads. Images of one batch read by different models (a hot swap between two requests) are
 * passed to each model apart, so an answer always comes from the model its request took. At most
 * {@code queue} images wait; beyond, a request is refused with 503 and {@code Retry-After}.
 */
@ApplicationScoped
public class InferenceBatcher {

    private record Inference(DigitClassifier classifier, byte[] pixels) {
    }

    @Inject
    @ConfigProperty(name = "digits.inference.batch-size", defaultValue = "32")
    int batchSize;

    @Inject
    @ConfigProperty(name = "digits.inference.batch-wait-micros", defaultValue = "1000")
    long batchWaitMicros;

    @Inject
    @ConfigProperty(name = "digits.inference.queue", defaultValue = "256")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "digits.recognition.retry-after-seconds", defaultValue = "1")
    int retryAfterSeconds;

    private BatchQueue<Inference, double[]> queue;

    public InferenceBatcher() {
    }

    InferenceBatcher(int batchSize, long batchWaitMicros, int queueCapacity, int retryAfterSeconds) {
        this.batchSize = batchSize;
        this.batchWaitMicros = batchWaitMicros;
        this.queueCapacity = queueCapacity;
        this.retryAfterSeconds = retryAfterSeconds;
        init();
    }

    @PostConstruct
    void init() {
        queue = new BatchQueue<>(new BatchQueue.Settings("digits-inference", batchSize, Duration.ofNanos(batchWaitMicros * 1000),
                queueCapacity, "The server has " + queueCapacity + " drawings waiting for the model already; try again in a moment",
                Duration.ofSeconds(retryAfterSeconds)), InferenceBatcher::infer);
    }

    /** The ten probabilities the classifier gives these 784 grey levels, read in a batch with concurrent requests. */
    public double[] probabilities(DigitClassifier classifier, byte[] pixels) {
        return queue.submit(new Inference(classifier, pixels));
    }

    private static void infer(List<BatchQueue.Item<Inference, double[]>> batch) {
        var byModel = new IdentityHashMap<DigitClassifier, List<BatchQueue.Item<Inference, double[]>>>();
        for (var item : batch) {
            byModel.computeIfAbsent(item.value().classifier(), model -> new ArrayList<>()).add(item);
        }
        byModel.forEach((classifier, items) -> {
            try {
                var answers = classifier.probabilities(items.stream().map(item -> item.value().pixels()).toList());
                for (int i = 0; i < items.size(); i++) {
                    items.get(i).done(answers.get(i));
                }
            } catch (RuntimeException e) {
                var failure = new IllegalStateException("The model failed to read a batch of " + items.size()
                        + " drawings: " + e.getMessage(), e);
                items.forEach(item -> item.failed(failure));
            }
        });
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
