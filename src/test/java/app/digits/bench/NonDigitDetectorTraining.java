package app.digits.bench;

import app.digits.imaging.control.MnistNormalizer;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.RejectionSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains the {@link NonDigitDetector} shipped in {@code src/main/resources} and writes its weights there: MNIST
 * <em>training</em> images (as pixels, and redrawn as the robustness sets redraw test digits) against synthetic
 * non-digits of seed 11, so neither the calibration nor the reported figures ({@code RejectionBench}) see them.
 * Seeded: the same run gives the same weights. Run with {@code mvn -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * app.digits.bench.NonDigitDetectorTraining} (about 12 minutes on 2 shared cores, mostly drawing the samples).
 */
public final class NonDigitDetectorTraining {

    private static final long SEED = 11;
    private static final int HIDDEN = 64;
    private static final int EPOCHS = 10;
    private static final float LEARNING_RATE = 0.03f;

    private record Example(float[] input, float target) {
    }

    public static void main(String[] args) throws IOException {
        var images = MnistTestSet.training(60_000);
        var examples = new ArrayList<Example>();
        Stream.concat(RejectionSamples.digits(images, SEED, 40_000, 700), RejectionSamples.nonDigits(images, SEED, 3_000))
                .forEach(drawing -> MnistNormalizer.normalize(drawing.ink()).ifPresent(pixels -> {
                    var input = new float[pixels.length];
                    for (int i = 0; i < pixels.length; i++) {
                        input[i] = (pixels[i] & 0xFF) / 255f;
                    }
                    examples.add(new Example(input, drawing.digit() ? 0 : 1));
                }));
        System.err.println(examples.size() + " examples");
        var detector = train(examples, new Random(SEED));
        var target = Path.of("src/main/resources" + NonDigitDetector.RESOURCE);
        Files.createDirectories(target.getParent());
        try (var out = Files.newOutputStream(target)) {
            detector.write(out);
        }
        System.err.println("written to " + target);
    }

    /** Stochastic gradient descent on the cross-entropy, one example at a time, the rate cut tenfold for the last third. */
    private static NonDigitDetector train(ArrayList<Example> examples, Random random) {
        int inputs = examples.getFirst().input().length;
        var detector = new NonDigitDetector(inputs, HIDDEN, new float[inputs * HIDDEN], new float[HIDDEN], new float[HIDDEN], new float[1]);
        float scale = (float) Math.sqrt(2.0 / inputs);
        for (int i = 0; i < detector.inputWeights().length; i++) {
            detector.inputWeights()[i] = (float) random.nextGaussian() * scale;
        }
        for (int h = 0; h < HIDDEN; h++) {
            detector.outputWeights()[h] = (float) (random.nextGaussian() * Math.sqrt(1.0 / HIDDEN));
        }
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            Collections.shuffle(examples, random);
            double loss = 0;
            float rate = LEARNING_RATE * (epoch > EPOCHS * 2 / 3 ? 0.1f : 1f);
            for (var example : examples) {
                var hidden = detector.activations(example.input());
                double out = detector.output(hidden);
                loss -= example.target() == 1 ? Math.log(out + 1e-9) : Math.log(1 - out + 1e-9);
                float error = (float) (out - example.target());
                for (int h = 0; h < HIDDEN; h++) {
                    float hiddenError = hidden[h] > 0 ? error * detector.outputWeights()[h] : 0;
                    detector.outputWeights()[h] -= rate * error * hidden[h];
                    if (hiddenError != 0) {
                        int row = h * inputs;
                        for (int i = 0; i < inputs; i++) {
                            detector.inputWeights()[row + i] -= rate * hiddenError * example.input()[i];
                        }
                        detector.hiddenBias()[h] -= rate * hiddenError;
                    }
                }
                detector.outputBias()[0] -= rate * error;
            }
            System.err.printf("epoch %d: loss %.4f%n", epoch, loss / examples.size());
        }
        return detector;
    }
}
