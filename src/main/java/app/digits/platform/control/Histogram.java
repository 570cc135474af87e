package app.digits.platform.control;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed upper bounds (in seconds, the Prometheus base unit), cheap to record from
 * many threads. Unlike a summary's quantiles, bucket counts from several servers and over time windows can be
 * added up, which is what a Prometheus query needs to compute percentiles.
 */
public final class Histogram {

    /** What a scrape reads: the bounds, the count in each bucket (the last one above every bound), the sum. */
    public record Snapshot(double[] bounds, long[] counts, double sum) {
    }

    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();

    public Histogram(double... bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("A histogram needs at least one bucket bound");
        }
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("Bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length + 1];
        Arrays.setAll(counts, i -> new LongAdder());
    }

    public void observe(double value) {
        int bucket = Arrays.binarySearch(bounds, value);
        counts[bucket >= 0 ? bucket : -bucket - 1].increment();
        sum.add(value);
    }

    public Snapshot snapshot() {
        return new Snapshot(bounds.clone(), Arrays.stream(counts).mapToLong(LongAdder::sum).toArray(), sum.sum());
    }
}
