package app.digits.platform.control;

/**
 * A feature's part of {@code /metrics}: each CDI bean implementing it writes its own families, so the
 * endpoint lists them without knowing the features (and without importing them).
 */
public interface MetricSource {

    void writeTo(Exposition exposition);
}
