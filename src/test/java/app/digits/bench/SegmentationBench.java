package app.digits.bench;

import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.WorkingInk;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.prediction.control.PieceSureness;
import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.RightCutting;
import app.digits.robustness.control.RobustnessSets;
import app.digits.robustness.entity.RobustnessSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the number reader's misses come from: for every number of the robustness sets of numbers that the served
 * model misreads, the right cutting ({@link RightCutting}) is weighed as the segmenter weighs its own choice
 * ({@link DigitSegmenter#worth}); when it weighs more, the candidate paths never reached it (search), otherwise the
 * weighing preferred a wrong cutting. Pieces are cut and read as {@code Pipeline.number} does, both cuttings weighed
 * on the working map. Run with {@code mvn -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * app.digits.bench.SegmentationBench models 100 1} (the models directory, whose served model is read, or else its
 * first; numbers per set; seed); a fourth argument {@code misses} lists each miss with both cuttings' weights.
 */
public final class SegmentationBench {

    private SegmentationBench() {
    }

    public static void main(String[] args) throws IOException {
        var store = new ModelStore(Path.of(args.length > 0 ? args[0] : "models"));
        var active = store.activeId();
        var descriptor = active.isPresent() ? store.descriptor(active.get()).orElseThrow() : store.descriptors().getFirst();
        var model = store.load(descriptor);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        boolean misses = args.length > 3 && args[3].equals("misses");
        var sureness = PieceSureness.of(model, NonDigitDetector.shipped(), NonDigitDetector.touching());
        var decoder = new ImageDecoder(2_000_000, 4_000_000);
        var test = MnistTestSet.images();
        System.out.printf("| set (model `%s`, seed %d) | n | read exactly | right cutting weighs more (search) "
                + "| chosen weighs more (weighing) |%n|---|---|---|---|---|%n", descriptor.id(), seed);
        for (var set : Arrays.stream(RobustnessSet.values()).filter(RobustnessSet::numbers).toList()) {
            int exact = 0;
            int search = 0;
            for (int i = 0; i < count; i++) {
                var sample = RobustnessSets.sample(set, test, seed, i);
                var work = WorkingInk.number(decoder.decode(sample.image()));
                var chosen = DigitSegmenter.segment(work.ink(), sureness);
                var read = read(chosen, model);
                if (read.equals(sample.expected())) {
                    exact++;
                    continue;
                }
                var right = RightCutting.on(work, RightCutting.digitsOf(set, test, seed, i));
                double chosenWorth = total(DigitSegmenter.worth(work.ink(), chosen, sureness));
                double rightWorth = total(DigitSegmenter.worth(work.ink(), right, sureness));
                search += rightWorth > chosenWorth ? 1 : 0;
                if (misses) {
                    System.out.printf(Locale.ROOT, "%s %d: %s read %s, right cutting %.1f, chosen %.1f%n", set.key(), i,
                            sample.expected(), read, rightWorth, chosenWorth);
                }
            }
            System.out.printf("| %s | %d | %d | %d | %d |%n", set.key(), count, exact, search, count - exact - search);
        }
    }

    private static String read(List<DigitSegmenter.Piece> pieces, DigitClassifier model) {
        var digits = new StringBuilder();
        for (var piece : pieces) {
            MnistNormalizer.normalize(piece.ink())
                    .ifPresent(pixels -> digits.append(DigitClassifier.mostLikely(model.probabilities(pixels))));
        }
        return digits.toString();
    }

    private static double total(double[] worths) {
        return Arrays.stream(worths).sum();
    }
}
