package app.digits.bench;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.Pipeline;
import app.digits.robustness.control.RobustnessBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The robustness table without a server: every model of a models directory measured in-process on the sets
 * generated from the MNIST test IDX files (in file order, so the samples differ from a server's, which orders
 * the test set by content id), printed as Markdown. Run with {@code mvn -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then {@code java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.RobustnessBench models 500 200 1}
 * (models directory, digits and numbers per set, seed). The second line scores the 10,000 test digits again
 * after the server's ink extraction and normalization (what a client sending MNIST pixels gets), to show that
 * preprocessing leaves MNIST-like input as it is.
 */
public final class RobustnessBench {

    public static void main(String[] args) throws IOException {
        var store = new ModelStore(Path.of(args.length > 0 ? args[0] : "models"));
        var settings = new RobustnessBenchmark.Settings(args.length > 1 ? Integer.parseInt(args[1]) : 500,
                args.length > 2 ? Integer.parseInt(args[2]) : 200, args.length > 3 ? Long.parseLong(args[3]) : 1);
        var classifiers = new LinkedHashMap<String, DigitClassifier>();
        var header = new StringBuilder("| set |");
        var mnistTest = new StringBuilder("| MNIST test (10,000) |");
        var normalizedTest = new StringBuilder("| MNIST test normalized by the pipeline (10,000) |");
        for (var descriptor : store.descriptors()) {
            classifiers.put(descriptor.id(), store.load(descriptor));
            header.append(' ').append(descriptor.algorithm()).append(" `").append(descriptor.id()).append("` |");
            mnistTest.append(String.format(Locale.ROOT, " %.2f %% |", 100 * descriptor.test().accuracy()));
            normalizedTest.append(String.format(Locale.ROOT, " %.2f %% |", 100 * normalizedAccuracy(classifiers.get(descriptor.id()))));
        }
        long start = System.nanoTime();
        var scores = RobustnessBenchmark.measure(classifiers, MnistTestSet.images(), settings,
                new Pipeline(2_000_000, 4_000_000), set -> System.err.println(set.key() + " measured"));
        System.out.printf(Locale.ROOT, "%s%n|---|%s%n%s%n%s%n", header, "---|".repeat(classifiers.size()), mnistTest, normalizedTest);
        var first = scores.values().iterator().next();
        for (int i = 0; i < first.size(); i++) {
            var line = new StringBuilder("| " + first.get(i).set() + " (n=" + first.get(i).count() + ") |");
            for (var modelScores : scores.values()) {
                var score = modelScores.get(i);
                line.append(String.format(Locale.ROOT, " %.1f %%%s |", 100 * score.accuracy(),
                        score.blank() > 0 ? " (" + score.blank() + " blank)" : ""));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%nmeasured in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static double normalizedAccuracy(DigitClassifier classifier) {
        var test = MnistTestSet.images();
        long correct = test.stream().filter(image -> {
            var levels = new int[LabelledImage.PIXELS];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = image.pixel(i);
            }
            return MnistNormalizer.normalize(InkMap.ofGreyLevels(LabelledImage.SIDE, LabelledImage.SIDE, levels))
                    .filter(pixels -> DigitClassifier.mostLikely(classifier.probabilities(pixels)) == image.label()).isPresent();
        }).count();
        return (double) correct / test.size();
    }
}
