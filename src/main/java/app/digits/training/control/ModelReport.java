package app.digits.training.control;

import app.digits.registry.entity.ModelDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Everything the dashboard shows about one model, read from its sidecar: per-digit precision, recall and
 * F1, the heatmap's intensities (the square root of each cell's share of its true digit's images, so that
 * small confusions still show), and McNemar's test against the served model when both were scored on the
 * same test images.
 */
public record ModelReport(ModelDescriptor model, List<DigitMetrics> digits, double[][] intensities,
                          Optional<McNemar.Result> againstServed) {

    /** One digit's row of the per-class table. */
    public record DigitMetrics(int digit, double precision, double recall, double f1, int support) {
    }

    public static ModelReport of(ModelDescriptor model, Optional<ModelDescriptor> served) {
        var confusion = ConfusionMatrix.of(model.test().confusion());
        var digits = IntStream.range(0, 10).mapToObj(d -> new DigitMetrics(d, confusion.precision(d), confusion.recall(d),
                confusion.f1(d), confusion.support(d))).toList();
        var intensities = new double[10][10];
        for (int actual = 0; actual < 10; actual++) {
            int support = Math.max(1, confusion.support(actual));
            for (int predicted = 0; predicted < 10; predicted++) {
                intensities[actual][predicted] = Math.sqrt((double) model.test().confusion()[actual][predicted] / support);
            }
        }
        var comparison = served.filter(other -> !other.id().equals(model.id())).flatMap(other -> ModelComparison.compare(model, other));
        return new ModelReport(model, digits, intensities, comparison);
    }
}
