package app.digits.bench;

import app.digits.prediction.control.NonDigitDetector;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.TouchingPairs;
import java.io.IOException;

/**
 * Trains the touching-digits detector ({@link NonDigitDetector#TOUCHING_RESOURCE}) and writes its weights to
 * {@code src/main/resources}: the non-digit detector's network and training ({@link NonDigitDetectorTraining}),
 * taught one digit against two touching ({@link TouchingPairs}) from MNIST <em>training</em> images 0-54,999, and
 * validated on pairs of images 55,000-59,999 (the share of pairs scored above the score that refuses 0.8 % of
 * the single digits). Seeded: the same run gives the same weights. Run with {@code mvn -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then {@code java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.TouchingDetectorTraining [hidden units
 * per network] [epochs] [examples of each kind]}.
 */
public final class TouchingDetectorTraining {

    private static final long SEED = 41;
    private static final long VALIDATION_SEED = 43;
    private static final long[] MEMBER_SEEDS = {SEED, 51};
    private static final int TRAINING_IMAGES = 55_000;

    private TouchingDetectorTraining() {
    }

    public static void main(String[] args) throws IOException {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        var images = MnistTestSet.training(60_000);
        var training = NonDigitDetectorTraining.kept("touching-" + count,
                () -> TouchingPairs.samples(images.subList(0, TRAINING_IMAGES), SEED, count));
        var validation = NonDigitDetectorTraining.kept("touching-validation",
                () -> TouchingPairs.samples(images.subList(TRAINING_IMAGES, images.size()), VALIDATION_SEED, 1_000));
        NonDigitDetectorTraining.trainAndWrite(training, validation, hidden, epochs, MEMBER_SEEDS, NonDigitDetector.TOUCHING_RESOURCE);
    }
}
