package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.PrometheusText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as Prometheus scrapes it: the whole answer passes a strict parser of the text format, and
 * known requests move the right series (successes and refusals apart, latency in seconds, the served model).
 */
class MetricsIT extends DeployedApplication {

    private Map<String, PrometheusText.Family> scrape() throws Exception {
        var response = Server.get(base.resolve("metrics"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    private static double value(Map<String, PrometheusText.Family> families, String family, String sample, Map<String, String> labels) {
        return families.get(family).samples().stream()
                .filter(s -> s.name().equals(sample) && s.labels().equals(labels))
                .mapToDouble(PrometheusText.Sample::value).findFirst().orElse(0);
    }

    private static double predictions(Map<String, PrometheusText.Family> families, String kind, String outcome) {
        return value(families, "digits_predictions_total", "digits_predictions_total", Map.of("kind", kind, "outcome", outcome));
    }

    private void post(String path, String contentType, String body, int expected) throws Exception {
        var response = Server.post(base.resolve(path), contentType, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, response.statusCode(), response.body());
    }

    @Test
    void theScrapeIsValidAndCountsSuccessesAndRefusalsApartWithLatencyInSeconds() throws Exception {
        var before = scrape();
        var seven = MnistSamples.testImages(1).get(0);
        var pixels = Arrays.toString(IntStream.range(0, 784).map(seven::pixel).toArray());
        post("api/predictions", "application/json", "{\"pixels\":" + pixels + "}", 201);
        post("api/predictions", "application/json", "{\"pixels\":" + Arrays.toString(new int[784]) + "}", 201);
        post("api/predictions?as=number", "application/json", "{\"pixels\":" + pixels + "}", 201);
        post("api/predictions", "application/json", "{\"pixels\":[1,2,3]}", 400);
        post("api/predictions", "text/plain", "seven", 415);
        var after = scrape();

        assertEquals(1, predictions(after, "digit", "recognized") - predictions(before, "digit", "recognized"));
        assertEquals(1, predictions(after, "digit", "blank") - predictions(before, "digit", "blank"));
        assertEquals(1, predictions(after, "number", "recognized") - predictions(before, "number", "recognized"));
        assertEquals(1, predictions(after, "digit", "invalid-input") - predictions(before, "digit", "invalid-input"));
        assertEquals(1, predictions(after, "digit", "unsupported-media-type") - predictions(before, "digit", "unsupported-media-type"));

        var latency = after.get("digits_recognition_seconds");
        assertEquals("histogram", latency.type());
        var digit = Map.of("kind", "digit");
        double count = value(after, "digits_recognition_seconds", "digits_recognition_seconds_count", digit);
        double sum = value(after, "digits_recognition_seconds", "digits_recognition_seconds_sum", digit);
        assertEquals(2, count - value(before, "digits_recognition_seconds", "digits_recognition_seconds_count", digit),
                "only answered drawings are timed");
        assertTrue(sum > 0 && sum / count < 10, "mean recognition time in seconds, not ms or ns: " + sum / count);

        assertEquals(1, value(after, "digits_model_info", "digits_model_info", Map.of("model_id", Server.servedModelId(base))));
        assertTrue(after.containsKey("jvm_memory_used_bytes") && after.containsKey("process_uptime_seconds"), after.keySet().toString());
        assertFalse(after.values().stream().flatMap(f -> f.samples().stream()).anyMatch(s -> s.labels().containsKey("mp_scope")),
                "Payara's own exporter, which repeats series, is off");
        after.values().forEach(family -> assertTrue(family.help() != null && !family.help().isBlank(), family.name() + " has help"));
    }
}
