package app.digits.prediction.control;

import app.digits.platform.control.Exposition;
import app.digits.platform.control.Histogram;
import app.digits.platform.control.MetricSource;
import app.digits.registry.control.ModelRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the predictions API has done, for {@code /metrics}: every answer counted once by kind (digit or number)
 * and outcome (recognized, blank, not one digit, or the reason the request was refused), the recognition time of each answered
 * drawing as a histogram in seconds, and the served model's id as an info metric. Label values come from
 * fixed lists, never from what a client sent, so the number of series stays bounded.
 */
@ApplicationScoped
public class PredictionMetrics implements MetricSource {

    /** Whether a request asked for one digit or a whole number. */
    public enum Kind { DIGIT, NUMBER }

    /** How a prediction request ended. */
    public enum Outcome {
        RECOGNIZED, BLANK, NOT_A_DIGIT, SEVERAL_DIGITS, UNSURE, INVALID_INPUT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, BUSY, UNAVAILABLE, REFUSED, ERROR;

        /** The outcome of a refused request, from its status. */
        public static Outcome ofStatus(int status) {
            return switch (status) {
                case 400, 422 -> INVALID_INPUT;
                case 413 -> TOO_LARGE;
                case 415 -> UNSUPPORTED_MEDIA_TYPE;
                case 429 -> BUSY;
                case 503 -> UNAVAILABLE;
                default -> status >= 500 ? ERROR : REFUSED;
            };
        }

        /** The outcome of an answered drawing: recognized, or its reason for no digit ({@code not-a-digit}...). */
        public static Outcome ofAnswer(String reason) {
            return reason == null ? RECOGNIZED : valueOf(reason.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private record Key(Kind kind, Outcome outcome) {
    }

    @Inject
    ModelRegistry registry;

    @Inject
    @ConfigProperty(name = "digits.metrics.recognition-buckets",
            defaultValue = "0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5")
    List<Double> buckets;

    private final ConcurrentMap<Key, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<Kind, Histogram> latency = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        var bounds = buckets.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.stream(Kind.values()).forEach(kind -> latency.put(kind, new Histogram(bounds)));
    }

    /** Counts one answer; {@code recognitionMillis} is the server's recognition time when a drawing was read. */
    public void record(Kind kind, Outcome outcome, Optional<Double> recognitionMillis) {
        answers.computeIfAbsent(new Key(kind, outcome), key -> new LongAdder()).increment();
        recognitionMillis.ifPresent(millis -> latency.get(kind).observe(millis / 1000));
    }

    @Override
    public void writeTo(Exposition out) {
        out.family("digits_predictions_total", Exposition.Type.COUNTER,
                "Prediction requests answered, by kind and outcome (recognized, blank, or why they were refused)");
        answers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind())
                        : a.outcome().compareTo(b.outcome())))
                .forEach(entry -> out.sample(labels(entry.getKey().kind(), "outcome", entry.getKey().outcome().label()),
                        entry.getValue().sum()));
        out.family("digits_recognition_seconds", Exposition.Type.HISTOGRAM,
                "Time to decode, normalize and classify a drawing that was answered");
        latency.forEach((kind, histogram) -> out.histogram(Map.of("kind", kind.name().toLowerCase()), histogram.snapshot()));
        out.family("digits_model_info", Exposition.Type.GAUGE, "The model that answers predictions (1 while one is served)");
        registry.served().ifPresent(model -> out.sample(Map.of("model_id", model.descriptor().id()), 1));
    }

    private static Map<String, String> labels(Kind kind, String name, String value) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("kind", kind.name().toLowerCase());
        labels.put(name, value);
        return labels;
    }
}
