package app.digits.bench;

import app.digits.imaging.control.MnistNormalizer;
import app.digits.prediction.control.DigitJudge;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.prediction.control.Refusal;
import app.digits.prediction.control.RefusalRules;
import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.RejectionSamples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How often the single-digit answer says "not one digit", without a server: the served model of a models
 * directory and the shipped {@link NonDigitDetector}, on digits (MNIST test images as pixels and the robustness
 * sets' redrawings) and non-digits ({@code NonDigitSets}). The thresholds are calibrated on the first half of
 * the test images with seed 2 (at most {@value #BUDGET} of digits refused, as many non-digits as possible) and
 * the figures reported on the second half with seed 1, so nothing reported was calibrated on. Prints the
 * calibrated thresholds and a Markdown table. Run with {@code mvn -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * app.digits.bench.RejectionBench models 2000 150 150} (models directory, MNIST images, samples per robustness
 * set and per kind of non-digit).
 */
public final class RejectionBench {

    private static final double BUDGET = 0.008;
    private static final double[] PIECE_THRESHOLDS = {0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5};
    private static final double[] CONFIDENCE_THRESHOLDS = {0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    /** One drawing's evidence, empty when it is blank. */
    private record Judged(String set, boolean digit, Optional<DigitJudge.Evidence> evidence) {

        Optional<Refusal> verdict(RefusalRules rules) {
            return evidence.isEmpty() ? Optional.of(Refusal.BLANK) : DigitJudge.verdict(evidence.get(), rules);
        }
    }

    public static void main(String[] args) throws IOException {
        var store = new ModelStore(Path.of(args.length > 0 ? args[0] : "models"));
        var id = store.activeId().orElseThrow(() -> new IllegalStateException("No model is active in " + args[0]));
        var classifier = store.load(store.descriptors().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow());
        int plain = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int perSet = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        int perKind = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        var detector = NonDigitDetector.shipped();
        var test = MnistTestSet.images();
        long start = System.nanoTime();
        var calibration = judge(test.subList(0, 5000), 2, plain, perSet, perKind, classifier, detector);
        var rules = calibrate(calibration);
        System.out.printf(Locale.ROOT, "calibrated: digits.refusal.max-non-digit=%s, max-piece-non-digit=%s, min-confidence=%s%n",
                rules.maxNonDigit(), rules.maxPieceNonDigit(), rules.minConfidence());
        var report = judge(test.subList(5000, 10_000), 1, plain, perSet, perKind, classifier, detector);
        print(report, rules, id);
        System.out.printf(Locale.ROOT, "%nmeasured in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static List<Judged> judge(List<app.digits.dataset.entity.LabelledImage> images, long seed, int plain, int perSet,
                                      int perKind, DigitClassifier classifier, NonDigitDetector detector) {
        return Stream.concat(RejectionSamples.digits(images, seed, plain, perSet), RejectionSamples.nonDigits(images, seed, perKind))
                .map(drawing -> new Judged(drawing.set(), drawing.digit(), MnistNormalizer.normalize(drawing.ink())
                        .map(pixels -> DigitJudge.evidence(drawing.ink(), pixels, classifier.probabilities(pixels), detector))))
                .toList();
    }

    /** The thresholds refusing the most non-digits while refusing at most {@value #BUDGET} of the digits. */
    private static RefusalRules calibrate(List<Judged> judged) {
        var candidates = judged.stream().filter(Judged::digit).flatMap(j -> j.evidence().stream())
                .mapToDouble(DigitJudge.Evidence::nonDigit).sorted().toArray();
        RefusalRules best = null;
        double bestRefused = -1;
        for (int k = 0; k <= 2 * BUDGET * candidates.length; k++) {
            double maxNonDigit = candidates[candidates.length - 1 - k];
            for (double piece : PIECE_THRESHOLDS) {
                for (double confidence : CONFIDENCE_THRESHOLDS) {
                    var rules = new RefusalRules(maxNonDigit, piece, confidence);
                    if (refused(judged, true, rules) <= BUDGET && refused(judged, false, rules) > bestRefused) {
                        best = rules;
                        bestRefused = refused(judged, false, rules);
                    }
                }
            }
        }
        return best;
    }

    private static double refused(List<Judged> judged, boolean digits, RefusalRules rules) {
        return judged.stream().filter(j -> j.digit() == digits).mapToInt(j -> j.verdict(rules).isPresent() ? 1 : 0)
                .average().orElse(0);
    }

    private static void print(List<Judged> judged, RefusalRules rules, String modelId) {
        System.out.printf("%n| set (model `%s`) | n | refused | blank | not-a-digit | several-digits | unsure |%n|---|---|---|---|---|---|---|%n", modelId);
        var bySet = new LinkedHashMap<String, List<Judged>>();
        judged.forEach(j -> bySet.computeIfAbsent(j.set(), key -> new java.util.ArrayList<>()).add(j));
        bySet.forEach((set, list) -> System.out.println(line(set, list, rules)));
        System.out.println(line("**all digits**", judged.stream().filter(Judged::digit).toList(), rules));
        System.out.println(line("**all non-digits**", judged.stream().filter(j -> !j.digit()).toList(), rules));
    }

    private static String line(String set, List<Judged> list, RefusalRules rules) {
        var reasons = new EnumMap<Refusal, Integer>(Refusal.class);
        list.forEach(j -> j.verdict(rules).ifPresent(reason -> reasons.merge(reason, 1, Integer::sum)));
        int refused = reasons.values().stream().mapToInt(Integer::intValue).sum();
        var out = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %.1f %% |", set, list.size(), 100.0 * refused / list.size()));
        for (var reason : Refusal.values()) {
            out.append(' ').append(reasons.getOrDefault(reason, 0)).append(" |");
        }
        return out.toString();
    }
}
