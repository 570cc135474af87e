package app.digits.bench;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.NonDigitSets;
import app.digits.robustness.control.RejectionSamples;
import app.digits.robustness.entity.RobustnessSet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Trains the {@link NonDigitDetector} shipped in {@code src/main/resources} and writes its weights there. It learns
 * from MNIST <em>training</em> images 0-54,999 (as pixels, and redrawn as the robustness sets redraw test digits,
 * but for the 2000-pixel upscaling, which costs the most to draw and normalizes like the 280-pixel one) against
 * synthetic non-digits of seeds 11 and 12 (with two and a half times as many scribbles and random strokes, the
 * kinds most often taken for a digit). Four examples in five are seen slightly rotated, scaled, sheared, shifted
 * and bent, anew each epoch (the strokes' counts, {@code StrokeTopology}, counted again on the distorted image),
 * and three networks from other seeds are averaged: the detector must keep the digits of
 * writers it never saw, and MNIST's test writers are not its training writers. It prints after each epoch how it
 * does on a validation set apart from it (training images 55,000-59,999, drawings of seed 13): the share of each
 * kind of non-digit scored above the score that refuses 0.8 % of the validation digits. That validation shares
 * its writers with the training images and so flatters the detector (91 % there was 70 % on test digits); the
 * calibration and the reported figures ({@code RejectionBench}: test images, seeds 1 and 2) see none of them.
 * Drawing the examples takes most of the time, so the normalized examples are kept in
 * {@code target/non-digit-examples-*.bin} (drawn two parts at a time) and a run with other settings starts from
 * them. Seeded: the same run gives the same weights. Run with {@code mvn -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then {@code java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.NonDigitDetectorTraining [hidden units
 * per network] [epochs]}.
 */
public final class NonDigitDetectorTraining {

    private static final long SEED = 11;
    private static final long EXTRA_SEED = 12;
    private static final long VALIDATION_SEED = 13;
    private static final int TRAINING_IMAGES = 55_000;
    private static final float LEARNING_RATE = 0.03f;
    private static final double VALIDATION_BUDGET = 0.008;
    /** The members' seeds: each a network of its own, the shipped detector averages their logits. */
    private static final long[] MEMBER_SEEDS = {SEED, 21, 31};
    /** The share of examples distorted, and how much: rotation in degrees, scale and shear, shift and bend in pixels. */
    private static final double DISTORTED = 0.8;
    private static final double MAX_ROTATION = 15;
    private static final double MAX_SCALE = 0.1;
    private static final double MAX_SHEAR = 0.2;
    private static final double MAX_SHIFT = 1.0;
    /** The standard deviation of the displacements on a 4x4 grid, interpolated between them. */
    private static final double BEND_SPREAD = 1.0;
    private static final int BEND_GRID = 4;

    /** One normalized drawing: the set it comes from, whether it is one digit, its ink (indices and levels 0-1). */
    record Example(String set, boolean digit, int[] index, float[] value) {

        /** The detector's input, pixels and strokes' counts, with its zeros left out. */
        static Example of(String set, boolean digit, byte[] pixels) {
            var input = NonDigitDetector.Input.of(pixels);
            return new Example(set, digit, Arrays.copyOf(input.index(), input.count()), Arrays.copyOf(input.value(), input.count()));
        }

        /** The grey levels 0-1 of the 784 pixels. */
        float[] levels() {
            var levels = new float[LabelledImage.PIXELS];
            for (int k = 0; k < index.length && index[k] < levels.length; k++) {
                levels[index[k]] = value[k];
            }
            return levels;
        }

        byte[] pixels() {
            var levels = levels();
            var pixels = new byte[levels.length];
            for (int i = 0; i < levels.length; i++) {
                pixels[i] = (byte) Math.round(levels[i] * 255);
            }
            return pixels;
        }
    }

    private NonDigitDetectorTraining() {
    }

    public static void main(String[] args) throws IOException {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        var images = MnistTestSet.training(60_000);
        var learning = images.subList(0, TRAINING_IMAGES);
        var held = images.subList(TRAINING_IMAGES, images.size());
        ImageIO.setUseCache(false);
        var parts = Stream.<Callable<List<Example>>>of(
                () -> kept("digits", () -> RejectionSamples.digits(learning, SEED, 40_000, 500,
                        set -> set != RobustnessSet.UPSCALED_2000)),
                () -> kept("non-digits", () -> RejectionSamples.nonDigits(learning, SEED, 2_500)),
                () -> kept("scribbles", () -> NonDigitSets.samples(NonDigitSets.Kind.SCRIBBLE, learning, EXTRA_SEED, 4_000)
                        .map(sample -> RejectionSamples.decoded(NonDigitSets.Kind.SCRIBBLE.key(), false, sample))),
                () -> kept("strokes", () -> NonDigitSets.samples(NonDigitSets.Kind.STROKES, learning, EXTRA_SEED, 4_000)
                        .map(sample -> RejectionSamples.decoded(NonDigitSets.Kind.STROKES.key(), false, sample))),
                () -> kept("validation", () -> Stream.concat(RejectionSamples.digits(held, VALIDATION_SEED, 1_000, 60),
                        RejectionSamples.nonDigits(held, VALIDATION_SEED, 200)))).toList();
        List<List<Example>> drawn;
        try (var workers = Executors.newFixedThreadPool(2)) {
            drawn = workers.invokeAll(parts).stream().map(NonDigitDetectorTraining::done).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var training = drawn.subList(0, drawn.size() - 1).stream().flatMap(List::stream).toList();
        var validation = drawn.getLast();
        System.err.println(training.size() + " training examples, " + validation.size() + " for validation");
        trainAndWrite(training, validation, hidden, epochs, MEMBER_SEEDS, NonDigitDetector.RESOURCE);
    }

    /**
     * Trains one network per seed on the examples, writes their average to {@code src/main/resources} at
     * {@code resource} (temp file and atomic rename), and prints how it does on the validation examples.
     */
    static void trainAndWrite(List<Example> training, List<Example> validation, int hidden, int epochs, long[] seeds,
                              String resource) throws IOException {
        long start = System.nanoTime();
        var members = new ArrayList<NonDigitDetector>();
        for (long seed : seeds) {
            members.add(train(new ArrayList<>(training), hidden, epochs, new Random(seed), validation));
        }
        var detector = averaged(members);
        System.err.println("the members' average: " + validate(detector, validation, new float[detector.hidden()]));
        System.err.printf(Locale.ROOT, "trained in %.0f s%n", (System.nanoTime() - start) / 1e9);
        var target = Path.of("src/main/resources" + resource);
        Files.createDirectories(target.getParent());
        var temporary = Files.createTempFile(target.getParent(), "detector", ".tmp");
        try (var out = Files.newOutputStream(temporary)) {
            detector.write(out);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("written to " + target);
    }

    private static List<Example> done(Future<List<Example>> part) {
        try {
            return part.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The normalized examples of a stream of drawings, drawn once and then read back from {@code target/}. */
    static List<Example> kept(String name, Supplier<Stream<RejectionSamples.Drawing>> drawings) throws IOException {
        var file = Path.of("target/non-digit-examples-" + name + ".bin");
        if (Files.exists(file)) {
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int count = in.readInt();
                var examples = new ArrayList<Example>(count);
                for (int i = 0; i < count; i++) {
                    String set = in.readUTF();
                    boolean digit = in.readBoolean();
                    var pixels = new byte[LabelledImage.PIXELS];
                    in.readFully(pixels);
                    examples.add(Example.of(set, digit, pixels));
                }
                return examples;
            }
        }
        var examples = drawings.get()
                .flatMap(drawing -> MnistNormalizer.normalize(drawing.ink()).map(pixels -> Example.of(drawing.set(), drawing.digit(), pixels)).stream())
                .toList();
        Files.createDirectories(file.getParent());
        var temporary = Files.createTempFile(file.getParent(), name, ".tmp");
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(examples.size());
            for (var example : examples) {
                out.writeUTF(example.set());
                out.writeBoolean(example.digit());
                out.write(example.pixels());
            }
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return examples;
    }

    /**
     * Stochastic gradient descent on the cross-entropy, one example at a time (only the inked inputs are visited:
     * the others add nothing and their weights get no gradient), the rate cut tenfold for the last third.
     */
    private static NonDigitDetector train(List<Example> examples, int hidden, int epochs, Random random, List<Example> validation) {
        int inputs = NonDigitDetector.INPUTS;
        var detector = new NonDigitDetector(inputs, hidden, new float[inputs * hidden], new float[hidden], new float[hidden], new float[1]);
        float scale = (float) Math.sqrt(2.0 / inputs);
        for (int i = 0; i < detector.inputWeights().length; i++) {
            detector.inputWeights()[i] = (float) random.nextGaussian() * scale;
        }
        for (int h = 0; h < hidden; h++) {
            detector.outputWeights()[h] = (float) (random.nextGaussian() * Math.sqrt(1.0 / hidden));
        }
        var activations = new float[hidden];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Collections.shuffle(examples, random);
            double loss = 0;
            float rate = LEARNING_RATE * (epoch > epochs * 2 / 3 ? 0.1f : 1f);
            for (var drawn : examples) {
                var example = random.nextDouble() < DISTORTED ? distorted(drawn, random) : drawn;
                double out = forward(detector, example, activations);
                float target = example.digit() ? 0 : 1;
                loss -= target == 1 ? Math.log(out + 1e-9) : Math.log(1 - out + 1e-9);
                float error = (float) (out - target);
                for (int h = 0; h < hidden; h++) {
                    float hiddenError = activations[h] > 0 ? error * detector.outputWeights()[h] : 0;
                    detector.outputWeights()[h] -= rate * error * activations[h];
                    if (hiddenError != 0) {
                        int row = h * inputs;
                        for (int k = 0; k < example.index().length; k++) {
                            detector.inputWeights()[row + example.index()[k]] -= rate * hiddenError * example.value()[k];
                        }
                        detector.hiddenBias()[h] -= rate * hiddenError;
                    }
                }
                detector.outputBias()[0] -= rate * error;
            }
            System.err.printf(Locale.ROOT, "epoch %d: loss %.4f; validation %s%n", epoch, loss / examples.size(),
                    validate(detector, validation, activations));
        }
        return detector;
    }

    /**
     * One network whose answer is the members' logits averaged: their hidden layers side by side, each output
     * weight divided by the number of members. Members trained from other seeds err on other digits, so the
     * average has fewer digits with a high score, the tail the threshold has to stay above.
     */
    private static NonDigitDetector averaged(List<NonDigitDetector> members) {
        int inputs = members.getFirst().inputs();
        int hidden = members.stream().mapToInt(NonDigitDetector::hidden).sum();
        var average = new NonDigitDetector(inputs, hidden, new float[inputs * hidden], new float[hidden], new float[hidden], new float[1]);
        int first = 0;
        for (var member : members) {
            System.arraycopy(member.inputWeights(), 0, average.inputWeights(), first * inputs, member.hidden() * inputs);
            System.arraycopy(member.hiddenBias(), 0, average.hiddenBias(), first, member.hidden());
            for (int h = 0; h < member.hidden(); h++) {
                average.outputWeights()[first + h] = member.outputWeights()[h] / members.size();
            }
            average.outputBias()[0] += member.outputBias()[0] / members.size();
            first += member.hidden();
        }
        return average;
    }

    /**
     * The example slightly rotated, scaled, sheared, shifted and bent (a smooth random displacement), read back
     * bilinearly: the digits of other writers vary so, and non-digits are distorted alike, so that a distortion
     * says nothing about the answer.
     */
    private static Example distorted(Example example, Random random) {
        int side = LabelledImage.SIDE;
        var source = example.levels();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * MAX_ROTATION);
        double scale = 1 + (random.nextDouble() * 2 - 1) * MAX_SCALE;
        double shear = (random.nextDouble() * 2 - 1) * MAX_SHEAR;
        double shiftX = (random.nextDouble() * 2 - 1) * MAX_SHIFT;
        double shiftY = (random.nextDouble() * 2 - 1) * MAX_SHIFT;
        var bendX = new double[BEND_GRID * BEND_GRID];
        var bendY = new double[BEND_GRID * BEND_GRID];
        for (int i = 0; i < bendX.length; i++) {
            bendX[i] = random.nextGaussian() * BEND_SPREAD;
            bendY[i] = random.nextGaussian() * BEND_SPREAD;
        }
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double centre = (side - 1) / 2.0;
        var pixels = new byte[LabelledImage.PIXELS];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double gx = x * (BEND_GRID - 1) / (side - 1.0);
                double gy = y * (BEND_GRID - 1) / (side - 1.0);
                double dx = x - centre - shiftX + smooth(bendX, gx, gy);
                double dy = y - centre - shiftY + smooth(bendY, gx, gy);
                double sx = cos * dx + sin * dy + shear * dy + centre;
                double sy = -sin * dx + cos * dy + centre;
                float level = bilinear(source, sx, sy);
                pixels[y * side + x] = (byte) Math.round(Math.min(1f, level) * 255);
            }
        }
        return Example.of(example.set(), example.digit(), pixels);
    }

    private static double smooth(double[] grid, double gx, double gy) {
        int x0 = Math.min((int) gx, BEND_GRID - 2);
        int y0 = Math.min((int) gy, BEND_GRID - 2);
        double fx = gx - x0;
        double fy = gy - y0;
        return (grid[y0 * BEND_GRID + x0] * (1 - fx) + grid[y0 * BEND_GRID + x0 + 1] * fx) * (1 - fy)
                + (grid[(y0 + 1) * BEND_GRID + x0] * (1 - fx) + grid[(y0 + 1) * BEND_GRID + x0 + 1] * fx) * fy;
    }

    private static float bilinear(float[] image, double x, double y) {
        int side = LabelledImage.SIDE;
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double sum = 0;
        for (int j = 0; j <= 1; j++) {
            for (int i = 0; i <= 1; i++) {
                int px = x0 + i;
                int py = y0 + j;
                if (px >= 0 && py >= 0 && px < side && py < side) {
                    sum += image[py * side + px] * (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                }
            }
        }
        return (float) sum;
    }

    private static double forward(NonDigitDetector detector, Example example, float[] activations) {
        int inputs = detector.inputs();
        for (int h = 0; h < detector.hidden(); h++) {
            float sum = detector.hiddenBias()[h];
            int row = h * inputs;
            for (int k = 0; k < example.index().length; k++) {
                sum += detector.inputWeights()[row + example.index()[k]] * example.value()[k];
            }
            activations[h] = Math.max(0f, sum);
        }
        return detector.output(activations);
    }

    /** The share of each kind of validation non-digit scored above the score that refuses 0.8 % of the validation digits. */
    private static String validate(NonDigitDetector detector, List<Example> validation, float[] activations) {
        var digits = validation.stream().filter(Example::digit).mapToDouble(e -> forward(detector, e, activations)).sorted().toArray();
        double threshold = digits[(int) Math.floor(digits.length * (1 - VALIDATION_BUDGET))];
        var refused = new LinkedHashMap<String, int[]>();
        for (var example : validation) {
            if (!example.digit()) {
                var counts = refused.computeIfAbsent(example.set(), set -> new int[2]);
                counts[0] += forward(detector, example, activations) > threshold ? 1 : 0;
                counts[1]++;
            }
        }
        int all = refused.values().stream().mapToInt(c -> c[0]).sum();
        int total = refused.values().stream().mapToInt(c -> c[1]).sum();
        var out = new StringBuilder(String.format(Locale.ROOT, "threshold %.5f, non-digits %.1f %%", threshold, 100.0 * all / total));
        refused.forEach((set, c) -> out.append(String.format(Locale.ROOT, ", %s %.0f %%", set, 100.0 * c[0] / c[1])));
        return out.toString();
    }
}
