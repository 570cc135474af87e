package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.robustness.entity.SetScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores classifiers on every robustness set. Each digit sample is generated, decoded and normalized once,
 * then read by every classifier, so adding a model costs only its predictions; a number is cut by each
 * model's own recognition, so it is segmented once per model. Digit sets are scored
 * on the digit, number sets on the exact number; samples the pipeline finds blank count as wrong and are
 * also counted apart, since they show where ink was lost before any model was asked.
 */
public final class RobustnessBenchmark {

    /** How many samples per set and the seed they are generated from. */
    public record Settings(int digits, int numbers, long seed) {
    }

    private RobustnessBenchmark() {
    }

    /** One score list per classifier (same keys, same order), sets in declaration order. */
    public static Map<String, List<SetScore>> measure(Map<String, DigitClassifier> classifiers, List<LabelledImage> testSet,
                                                      Settings settings, Pipeline pipeline, Consumer<RobustnessSet> setDone) {
        var scores = new LinkedHashMap<String, List<SetScore>>();
        classifiers.keySet().forEach(id -> scores.put(id, new ArrayList<>()));
        for (var set : RobustnessSet.values()) {
            int count = set.numbers() ? settings.numbers() : settings.digits();
            var correct = new LinkedHashMap<String, Integer>();
            var blank = new LinkedHashMap<String, Integer>();
            for (int i = 0; i < count; i++) {
                var sample = set == RobustnessSet.MNIST ? null : RobustnessSets.sample(set, testSet, settings.seed(), i);
                var shared = sample == null || set.numbers() ? null : pipeline.digit(sample);
                for (var entry : classifiers.entrySet()) {
                    var classifier = entry.getValue();
                    Pipeline.Prepared prepared;
                    String expected;
                    if (sample == null) {
                        var source = RobustnessSets.source(testSet, settings.seed(), i);
                        prepared = new Pipeline.Prepared(List.of(source.pixels()), false);
                        expected = Integer.toString(source.label());
                    } else {
                        prepared = shared != null ? shared : pipeline.number(sample, classifier);
                        expected = sample.expected();
                    }
                    blank.merge(entry.getKey(), prepared.blank() ? 1 : 0, Integer::sum);
                    if (!prepared.refused() && !prepared.inputs().isEmpty() && read(classifier, prepared.inputs()).equals(expected)) {
                        correct.merge(entry.getKey(), 1, Integer::sum);
                    }
                }
            }
            for (var id : classifiers.keySet()) {
                scores.get(id).add(new SetScore(set.key(), count, correct.getOrDefault(id, 0), blank.getOrDefault(id, 0)));
            }
            setDone.accept(set);
        }
        return scores;
    }

    /** The digits a classifier reads in the inputs, left to right. */
    public static String read(DigitClassifier classifier, List<byte[]> inputs) {
        var digits = new StringBuilder();
        inputs.forEach(input -> digits.append(DigitClassifier.mostLikely(classifier.probabilities(input))));
        return digits.toString();
    }
}
