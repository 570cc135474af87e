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
 * Scores classifiers on every robustness set. Each sample is generated, decoded, segmented and normalized
 * once, then read by every classifier, so adding a model costs only its predictions. Digit sets are scored
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
            classifiers.keySet().forEach(id -> correct.put(id, 0));
            int blank = 0;
            for (int i = 0; i < count; i++) {
                List<byte[]> inputs;
                String expected;
                if (set == RobustnessSet.MNIST) {
                    var source = RobustnessSets.source(testSet, settings.seed(), i);
                    inputs = List.of(source.pixels());
                    expected = Integer.toString(source.label());
                } else {
                    var sample = RobustnessSets.sample(set, testSet, settings.seed(), i);
                    var prepared = pipeline.prepare(sample, set.numbers());
                    blank += prepared.blank() ? 1 : 0;
                    inputs = prepared.inputs();
                    expected = prepared.refused() ? "" : sample.expected();
                }
                for (var entry : classifiers.entrySet()) {
                    if (!inputs.isEmpty() && read(entry.getValue(), inputs).equals(expected)) {
                        correct.merge(entry.getKey(), 1, Integer::sum);
                    }
                }
            }
            for (var id : classifiers.keySet()) {
                scores.get(id).add(new SetScore(set.key(), count, correct.get(id), blank));
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
