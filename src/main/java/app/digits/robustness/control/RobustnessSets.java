package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.robustness.entity.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates the robustness sets from MNIST test images (never training images), deterministically: sample
 * {@code i} of a set depends only on the seed, the set and {@code i}, so the same seed gives the same bytes
 * in any order, and sample {@code i} of every digit set starts from the same test digit, which makes the
 * sets comparable with each other and with the {@link RobustnessSet#MNIST} reference. Digits are drawn on a
 * 280x280 canvas, the size of the drawing pad, from the MNIST digit enlarged ten times; numbers are 2 to 8
 * digits from anywhere in the test set. Bump {@link #VERSION} whenever a sample or a set changes (2: the thin pen's
 * number sets).
 */
public final class RobustnessSets {

    public static final int VERSION = 2;
    static final int SCALE = 10;
    static final int CANVAS = LabelledImage.SIDE * SCALE;
    private static final float CROP = 0.05f;
    /** How much of MNIST's stroke overlap a thin pen's touching digits keep: its width over theirs, about 3 / 20 px. */
    private static final double THIN_OVERLAP = 0.15;

    private RobustnessSets() {
    }

    /** The test digit that sample {@code i} of every digit set is made from. */
    public static LabelledImage source(List<LabelledImage> testSet, long seed, int i) {
        return testSet.get(new Random(seed * 1_000_003L + i).nextInt(testSet.size()));
    }

    /** The first {@code count} samples of a set (numbers for number sets); {@link RobustnessSet#MNIST} has none. */
    public static Stream<Sample> samples(RobustnessSet set, List<LabelledImage> testSet, long seed, int count) {
        return IntStream.range(0, count).mapToObj(i -> sample(set, testSet, seed, i));
    }

    public static Sample sample(RobustnessSet set, List<LabelledImage> testSet, long seed, int i) {
        var random = random(set, seed, i);
        if (set.numbers()) {
            return number(set, testSet, random);
        }
        var digit = source(testSet, seed, i);
        return digit(set, digit, random);
    }

    /** The random draws of sample {@code i} of a set. */
    static Random random(RobustnessSet set, long seed, int i) {
        return new Random((seed * 31 + set.key().hashCode()) * 1_000_003L + i);
    }

    static Sample digit(RobustnessSet set, LabelledImage digit, Random random) {
        var label = Integer.toString(digit.label());
        var canvas = Ink.of(digit, SCALE);
        return switch (set) {
            case MNIST -> throw new IllegalArgumentException("The MNIST reference is read from pixels, not generated");
            case AS_SENT -> png(Ink.of(digit, 1), Paper.WHITE, random, label);
            case THIN -> png(thin(canvas), Paper.WHITE, random, label);
            case BOLD -> png(canvas.dilated(5 + random.nextInt(4)), Paper.WHITE, random, label);
            case FAINT -> png(canvas, new Paper(0xFFFFFF, 0x000000, 0.25f + 0.15f * random.nextFloat(), 0), random, label);
            case ROTATED -> png(canvas.rotated((random.nextBoolean() ? 1 : -1) * (15 + 10 * random.nextDouble())),
                    Paper.WHITE, random, label);
            case SMALL -> png(placed(canvas, 0.2, 0.5, 0.5), Paper.WHITE, random, label);
            case LARGE -> png(placed(canvas, 0.95, 0.5, 0.5), Paper.WHITE, random, label);
            case OFF_CENTRE -> png(placed(canvas, 0.45, corner(random), corner(random)), Paper.WHITE, random, label);
            case UPSCALED_280 -> png(canvas, Paper.WHITE, random, label);
            case UPSCALED_2000 -> png(Ink.of(digit, 1).scaled(2000, 2000), Paper.WHITE, random, label);
            case DOWNSCALED_20 -> png(Ink.of(digit, 1).scaled(20, 20), Paper.WHITE, random, label);
            case SCANNED -> scanned(canvas, random, label);
            case INVERTED -> png(canvas, Paper.BLACK, random, label);
            case NUMBERS_APART, NUMBERS_TOUCHING, NUMBERS_THIN_APART, NUMBERS_THIN_TOUCHING ->
                    throw new IllegalArgumentException(set.key() + " holds numbers");
        };
    }

    /**
     * A number of 2 to 8 test digits, apart or touching, black on white; with a thin pen, touching strokes meet
     * (overlapping by a pixel or two) rather than overlap by MNIST's broad strokes' 4-12 px.
     */
    static Sample number(RobustnessSet set, List<LabelledImage> testSet, Random random) {
        var number = laid(set, testSet, random);
        return png(number.laid().ink(), Paper.WHITE, random, number.expected());
    }

    /** A number's digits, as cropped before the layout, their layout, and what they read. */
    record LaidNumber(List<Ink> digits, NumberLayout.Laid laid, String expected) {
    }

    /** The number a number set's sample draws, before it is put on paper. */
    static LaidNumber laid(RobustnessSet set, List<LabelledImage> testSet, Random random) {
        int length = 2 + random.nextInt(7);
        var digits = new ArrayList<Ink>();
        var expected = new StringBuilder();
        for (int d = 0; d < length; d++) {
            var digit = testSet.get(random.nextInt(testSet.size()));
            var ink = Ink.of(digit, SCALE);
            digits.add((set.thinPen() ? thin(ink) : ink).cropped(CROP));
            expected.append(digit.label());
        }
        return new LaidNumber(digits, NumberLayout.lay(digits, set.apart(), set.thinPen() ? THIN_OVERLAP : 1, random),
                expected.toString());
    }

    /** The strokes drawn again with a pen about 3 px wide on the 280 px canvas: a skeleton, dilated and blurred. */
    private static Ink thin(Ink canvas) {
        return canvas.skeleton().dilated(1).blurred(1);
    }

    /** Grey or yellowish paper, dark ink, a slight blur, sensor noise, and JPEG at quality 0.6. */
    private static Sample scanned(Ink canvas, Random random, String label) {
        int grey = 205 + random.nextInt(35);
        int yellow = random.nextInt(40);
        var paper = new Paper(grey << 16 | grey << 8 | Math.max(0, grey - yellow), 0x28283C, 0.8f + 0.15f * random.nextFloat(),
                6 + 6 * random.nextDouble());
        var image = paper.draw(canvas.blurred(1 + random.nextInt(2)), random);
        return new Sample(Paper.jpeg(image, 0.6f), "jpeg", label);
    }

    /** Where an off-centre digit goes along one axis: towards one side, a fifth of the way from the edge. */
    private static double corner(Random random) {
        double side = 0.1 + 0.15 * random.nextDouble();
        return random.nextBoolean() ? side : 1 - side;
    }

    /**
     * The digit's ink box scaled so its longer side is {@code size} of the canvas, centred at ({@code cx},
     * {@code cy}) in canvas fractions, kept inside the canvas.
     */
    private static Ink placed(Ink canvas, double size, double cx, double cy) {
        var digit = canvas.cropped(CROP);
        double scale = size * CANVAS / Math.max(digit.width(), digit.height());
        var resized = digit.scaled(Math.max(1, (int) Math.round(digit.width() * scale)),
                Math.max(1, (int) Math.round(digit.height() * scale)));
        int left = Math.clamp(Math.round(cx * CANVAS - resized.width() / 2.0), 0, CANVAS - resized.width());
        int top = Math.clamp(Math.round(cy * CANVAS - resized.height() / 2.0), 0, CANVAS - resized.height());
        var out = new Ink(CANVAS, CANVAS, new float[CANVAS * CANVAS]);
        for (int y = 0; y < resized.height(); y++) {
            System.arraycopy(resized.values(), y * resized.width(), out.values(), (top + y) * CANVAS + left, resized.width());
        }
        return out;
    }

    private static Sample png(Ink ink, Paper paper, Random random, String expected) {
        return new Sample(Paper.png(paper.draw(ink, random)), "png", expected);
    }
}
