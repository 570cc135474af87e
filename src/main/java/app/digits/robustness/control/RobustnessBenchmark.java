package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.robustness.entity.Sample;
import app.digits.robustness.entity.SetScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores classifiers on every robustness set. The sets' samples are generated once and shared: a digit is
 * decoded and normalized once, then read by every classifier, so adding a model costs only its predictions; a
 * number is cut by each model's own recognition, so it is kept as drawn and segmented once per model. Models
 * are scored one after the other, so a caller can hold one model in memory at a time. Digit sets are scored
 * on the digit, number sets on the exact number; samples the pipeline finds blank count as wrong and are
 * also counted apart, since they show where ink was lost before any model was asked.
 */
public final class RobustnessBenchmark {

    /** How many samples per set and the seed they are generated from. */
    public record Settings(int digits, int numbers, long seed) {
    }

    /**
     * One set's samples as the models get them, with the answer each should give: for a digit set its inputs,
     * prepared once for every model; for a number set the drawings, which each model cuts its own way.
     */
    public record SetSamples(RobustnessSet set, List<String> expected, List<Pipeline.Prepared> digits, List<Sample> numbers) {

        int count() {
            return expected.size();
        }
    }

    private RobustnessBenchmark() {
    }

    /** The samples of every set, sets in declaration order. */
    public static List<SetSamples> samples(List<LabelledImage> testSet, Settings settings, Pipeline pipeline) {
        var all = new ArrayList<SetSamples>();
        for (var set : RobustnessSet.values()) {
            int count = set.numbers() ? settings.numbers() : settings.digits();
            var expected = new ArrayList<String>(count);
            var digits = new ArrayList<Pipeline.Prepared>();
            var numbers = new ArrayList<Sample>();
            for (int i = 0; i < count; i++) {
                if (set == RobustnessSet.MNIST) {
                    var source = RobustnessSets.source(testSet, settings.seed(), i);
                    digits.add(new Pipeline.Prepared(List.of(source.pixels()), false));
                    expected.add(Integer.toString(source.label()));
                    continue;
                }
                var sample = RobustnessSets.sample(set, testSet, settings.seed(), i);
                if (set.numbers()) {
                    numbers.add(sample);
                } else {
                    digits.add(pipeline.digit(sample));
                }
                expected.add(sample.expected());
            }
            all.add(new SetSamples(set, expected, digits, numbers));
        }
        return all;
    }

    /** One classifier's score on every set of {@code samples}, in their order; {@code setDone} hears of each set. */
    public static List<SetScore> score(DigitClassifier classifier, List<SetSamples> samples, Pipeline pipeline,
                                       Consumer<RobustnessSet> setDone) {
        var scores = new ArrayList<SetScore>();
        for (var set : samples) {
            int correct = 0;
            int blank = 0;
            for (int i = 0; i < set.count(); i++) {
                var prepared = set.set().numbers() ? pipeline.number(set.numbers().get(i), classifier) : set.digits().get(i);
                blank += prepared.blank() ? 1 : 0;
                if (!prepared.refused() && !prepared.inputs().isEmpty() && read(classifier, prepared.inputs()).equals(set.expected().get(i))) {
                    correct++;
                }
            }
            scores.add(new SetScore(set.set().key(), set.count(), correct, blank));
            setDone.accept(set.set());
        }
        return scores;
    }

    /** One score list per classifier (same keys, same order), sets in declaration order; see {@link #score}. */
    public static Map<String, List<SetScore>> measure(Map<String, DigitClassifier> classifiers, List<LabelledImage> testSet,
                                                      Settings settings, Pipeline pipeline, Consumer<RobustnessSet> setDone) {
        var samples = samples(testSet, settings, pipeline);
        var scores = new LinkedHashMap<String, List<SetScore>>();
        classifiers.forEach((id, classifier) -> scores.put(id, score(classifier, samples, pipeline, setDone)));
        return scores;
    }

    /** The digits a classifier reads in the inputs, left to right. */
    public static String read(DigitClassifier classifier, List<byte[]> inputs) {
        var digits = new StringBuilder();
        inputs.forEach(input -> digits.append(DigitClassifier.mostLikely(classifier.probabilities(input))));
        return digits.toString();
    }
}
