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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How often the single-digit answer says "not one digit", without a server: the served model of each models
 * directory given and the shipped {@link NonDigitDetector}, on digits (MNIST test images as pixels and the
 * robustness sets' redrawings) and non-digits ({@code NonDigitSets}). The thresholds are calibrated with the first
 * directory's model on the first half of the test images with seed 2 (at most {@value #BUDGET} of digits refused,
 * as many non-digits as possible) and the figures reported for every model on the second half with seed 1, so
 * nothing reported was calibrated on. The drawings are made and read once, each model only adds its answers.
 * Prints the calibrated thresholds, one Markdown table per model and the judge's time per drawing. Run with
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then {@code java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.RejectionBench models 2000 150 150}
 * (models directories separated by commas, MNIST images, samples per robustness set and per kind of non-digit;
 * a fifth argument {@code max-non-digit,max-piece-non-digit,min-confidence,doubtful-non-digit,doubtful-min-confidence},
 * such as the configured defaults {@code 0.84168,0.3,0.4,0.3,0.9}, prints the tables again with those thresholds).
 * Each redrawn set redraws test digits of its own (a seed per set), so no digit counts twice.
 */
public final class RejectionBench {

    private static final double BUDGET = 0.008;
    private static final double[] PIECE_THRESHOLDS = {0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5};
    private static final double[] CONFIDENCE_THRESHOLDS = {0, 0.2, 0.3, 0.4, 0.5, 0.6};
    private static final double[] DOUBTFUL_THRESHOLDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1};
    private static final double[] SURE_THRESHOLDS = {0.6, 0.7, 0.8, 0.9, 0.95};

    /** One drawing's evidence from the ink, and each model's answer; no evidence when it is blank. */
    private record Judged(String set, boolean digit, Optional<DigitJudge.InkEvidence> ink, List<double[]> probabilities) {

        Optional<Refusal> verdict(RefusalRules rules, int model) {
            return ink.isEmpty() ? Optional.of(Refusal.BLANK) : DigitJudge.verdict(ink.get().with(probabilities.get(model)), rules);
        }
    }

    /** The judge's verdicts for one model's answers. */
    private record Verdicts(List<Judged> judged, int model) {

        Optional<Refusal> of(Judged judged, RefusalRules rules) {
            return judged.verdict(rules, model);
        }
    }

    public static void main(String[] args) throws IOException {
        var ids = new ArrayList<String>();
        var classifiers = new ArrayList<DigitClassifier>();
        for (var directory : (args.length > 0 ? args[0] : "models").split(",")) {
            var store = new ModelStore(Path.of(directory));
            var id = store.activeId().orElseThrow(() -> new IllegalStateException("No model is active in " + directory));
            ids.add(id);
            classifiers.add(store.load(store.descriptor(id).orElseThrow()));
        }
        int plain = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int perSet = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        int perKind = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        var detector = NonDigitDetector.shipped();
        var test = MnistTestSet.images();
        long start = System.nanoTime();
        var calibration = judge(test.subList(0, 5000), 2, plain, perSet, perKind, classifiers, detector);
        var rules = calibrate(new Verdicts(calibration, 0));
        System.out.printf(Locale.ROOT, "calibrated with %s: %s%n", ids.getFirst(), thresholds(rules));
        var report = judge(test.subList(5000, 10_000), 1, plain, perSet, perKind, classifiers, detector);
        for (int model = 0; model < ids.size(); model++) {
            print(new Verdicts(report, model), rules, ids.get(model));
        }
        if (args.length > 4) {
            var given = Arrays.stream(args[4].split(",")).mapToDouble(Double::parseDouble).toArray();
            var configured = new RefusalRules(given[0], given[1], given[2], given[3], given[4]);
            System.out.printf(Locale.ROOT, "%nwith the thresholds given instead: %s%n", thresholds(configured));
            for (int model = 0; model < ids.size(); model++) {
                print(new Verdicts(report, model), configured, ids.get(model));
            }
        }
        System.out.printf(Locale.ROOT, "%nmeasured in %.0f s; the judge's evidence from the ink (detector and cuts) took %.0f µs a drawing%n",
                (System.nanoTime() - start) / 1e9, inkNanos / 1e3 / inkCount);
    }

    private static String thresholds(RefusalRules rules) {
        return String.format(Locale.ROOT, "digits.refusal.max-non-digit=%s, max-piece-non-digit=%s, min-confidence=%s, doubtful-non-digit=%s, "
                + "doubtful-min-confidence=%s", rules.maxNonDigit(), rules.maxPieceNonDigit(), rules.minConfidence(), rules.doubtfulNonDigit(),
                rules.doubtfulMinConfidence());
    }

    private static long inkNanos;
    private static long inkCount;

    private static List<Judged> judge(List<app.digits.dataset.entity.LabelledImage> images, long seed, int plain, int perSet,
                                      int perKind, List<DigitClassifier> classifiers, NonDigitDetector detector) {
        var digits = RejectionSamples.digitsApart(images, seed, plain, perSet);
        return Stream.concat(digits, RejectionSamples.nonDigits(images, seed, perKind))
                .map(drawing -> {
                    var pixels = MnistNormalizer.normalize(drawing.ink());
                    if (pixels.isEmpty()) {
                        return new Judged(drawing.set(), drawing.digit(), Optional.empty(), List.of());
                    }
                    long started = System.nanoTime();
                    var ink = DigitJudge.inkEvidence(drawing.ink(), pixels.get(), detector);
                    inkNanos += System.nanoTime() - started;
                    inkCount++;
                    return new Judged(drawing.set(), drawing.digit(), Optional.of(ink),
                            classifiers.stream().map(classifier -> classifier.probabilities(pixels.get())).toList());
                })
                .toList();
    }

    /** The thresholds refusing the most non-digits while refusing at most {@value #BUDGET} of the digits. */
    private static RefusalRules calibrate(Verdicts verdicts) {
        var candidates = verdicts.judged().stream().filter(Judged::digit).flatMap(j -> j.ink().stream())
                .mapToDouble(DigitJudge.InkEvidence::nonDigit).sorted().toArray();
        RefusalRules best = null;
        double bestRefused = -1;
        for (int k = 0; k <= 2 * BUDGET * candidates.length; k++) {
            double maxNonDigit = candidates[candidates.length - 1 - k];
            for (double piece : PIECE_THRESHOLDS) {
                for (double confidence : CONFIDENCE_THRESHOLDS) {
                    for (double doubtful : DOUBTFUL_THRESHOLDS) {
                        for (double sure : SURE_THRESHOLDS) {
                            var rules = new RefusalRules(maxNonDigit, piece, confidence, doubtful, sure);
                            if (refused(verdicts, true, rules) <= BUDGET && refused(verdicts, false, rules) > bestRefused) {
                                best = rules;
                                bestRefused = refused(verdicts, false, rules);
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    private static double refused(Verdicts verdicts, boolean digits, RefusalRules rules) {
        int refused = 0;
        int count = 0;
        for (var judged : verdicts.judged()) {
            if (judged.digit() == digits) {
                count++;
                refused += verdicts.of(judged, rules).isPresent() ? 1 : 0;
            }
        }
        return count == 0 ? 0 : (double) refused / count;
    }

    private static void print(Verdicts verdicts, RefusalRules rules, String modelId) {
        var judged = verdicts.judged();
        System.out.printf("%n| set (model `%s`) | n | refused | blank | not-a-digit | several-digits | unsure |%n|---|---|---|---|---|---|---|%n", modelId);
        var bySet = new LinkedHashMap<String, List<Judged>>();
        judged.forEach(j -> bySet.computeIfAbsent(j.set(), key -> new java.util.ArrayList<>()).add(j));
        bySet.forEach((set, list) -> System.out.println(line(set, list, rules, verdicts)));
        System.out.println(line("**all digits**", judged.stream().filter(Judged::digit).toList(), rules, verdicts));
        System.out.println(line("**all non-digits**", judged.stream().filter(j -> !j.digit()).toList(), rules, verdicts));
    }

    private static String line(String set, List<Judged> list, RefusalRules rules, Verdicts verdicts) {
        var reasons = new EnumMap<Refusal, Integer>(Refusal.class);
        list.forEach(j -> verdicts.of(j, rules).ifPresent(reason -> reasons.merge(reason, 1, Integer::sum)));
        int refused = reasons.values().stream().mapToInt(Integer::intValue).sum();
        var out = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %.1f %% |", set, list.size(), 100.0 * refused / list.size()));
        for (var reason : Refusal.values()) {
            out.append(' ').append(reasons.getOrDefault(reason, 0)).append(" |");
        }
        return out.toString();
    }
}
