package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionTest {

    @Test
    void aHistogramIsWrittenWithCumulativeBucketsEndingInInfinity() {
        var histogram = new Histogram(0.01, 0.1, 1);
        histogram.observe(0.005);
        histogram.observe(0.05);
        histogram.observe(0.05);
        histogram.observe(3);
        var text = new Exposition().family("work_seconds", Exposition.Type.HISTOGRAM, "Work time")
                .histogram(Map.of("kind", "digit"), histogram.snapshot()).text();
        assertTrue(text.contains("work_seconds_bucket{kind=\"digit\",le=\"0.01\"} 1\n"), text);
        assertTrue(text.contains("work_seconds_bucket{kind=\"digit\",le=\"0.1\"} 3\n"), text);
        assertTrue(text.contains("work_seconds_bucket{kind=\"digit\",le=\"1\"} 3\n"), text);
        assertTrue(text.contains("work_seconds_bucket{kind=\"digit\",le=\"+Inf\"} 4\n"), text);
        assertTrue(text.contains("work_seconds_count{kind=\"digit\"} 4\n"), text);
        var family = PrometheusText.parse(text).get("work_seconds");
        assertEquals("histogram", family.type());
        assertEquals(6, family.samples().size());
    }

    @Test
    void aValueOnABoundCountsInThatBucket() {
        var histogram = new Histogram(0.01, 0.1);
        histogram.observe(0.1);
        assertEquals(1, histogram.snapshot().counts()[1]);
    }

    @Test
    void labelValuesAreEscapedSoTheParserReadsThemBack() {
        var text = new Exposition().family("model_info", Exposition.Type.GAUGE, "Served model")
                .sample(Map.of("model_id", "a\"b\\c\nd"), 1).text();
        assertEquals("a\"b\\c\nd", PrometheusText.parse(text).get("model_info").samples().getFirst().labels().get("model_id"));
    }

    @Test
    void theExpositionRefusesWhatAScrapeWouldReject() {
        var exposition = new Exposition().family("a_total", Exposition.Type.COUNTER, "A").sample(Map.of(), 1);
        assertThrows(IllegalArgumentException.class, () -> exposition.sample(Map.of(), 2));
        assertThrows(IllegalArgumentException.class, () -> exposition.family("a_total", Exposition.Type.COUNTER, "again"));
        assertThrows(IllegalArgumentException.class, () -> exposition.family("requests", Exposition.Type.COUNTER, "no _total"));
        assertThrows(IllegalArgumentException.class, () -> exposition.family("bad-name", Exposition.Type.GAUGE, "dash"));
    }

    @Test
    void theParserRejectsPayarasRepeatedSeries() {
        var payara = """
                # TYPE cpu_availableProcessors gauge
                # HELP cpu_availableProcessors Displays the number of processors available to the JVM.
                cpu_availableProcessors{mp_scope="base"} 2.0
                cpu_availableProcessors{mp_scope="base"} 2.0
                """;
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(payara));
    }

    @Test
    void theParserRejectsNonCumulativeBucketsAMissingInfinityAndNonBaseUnits() {
        var shrinking = """
                # TYPE t_seconds histogram
                t_seconds_bucket{le="0.1"} 3
                t_seconds_bucket{le="1"} 2
                t_seconds_bucket{le="+Inf"} 3
                t_seconds_sum 1
                t_seconds_count 3
                """;
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(shrinking));
        var noInfinity = """
                # TYPE t_seconds histogram
                t_seconds_bucket{le="0.1"} 3
                t_seconds_sum 1
                t_seconds_count 3
                """;
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(noInfinity));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE t_milliseconds gauge\nt_milliseconds 3\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE x gauge\nx 1\n# TYPE y gauge\ny 1\nx{a=\"b\"} 2\n"));
    }
}
