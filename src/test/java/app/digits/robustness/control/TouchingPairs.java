package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.InkMap;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the touching-digits detector learns from: digits laid as the numbers sets lay them, one alone (one digit)
 * or two touching ({@link NumberLayout}, not one digit), from the MNIST images the caller gives (training images,
 * never test ones). A third of the pairs hold a 1, which a model most often takes in with its neighbour ("41" read
 * as a 4, two 1s side by side as a 0). The ink goes to the map as laid, without paper: the normalization that
 * follows is what the segmenter's pieces go through too.
 */
public final class TouchingPairs {

    private static final float CROP = 0.05f;
    private static final int ONE = 1;

    private TouchingPairs() {
    }

    /** {@code count} single digits (digit) and {@code count} touching pairs (not a digit), seeded. */
    public static Stream<RejectionSamples.Drawing> samples(List<LabelledImage> images, long seed, int count) {
        var ones = images.stream().filter(image -> image.label() == ONE).toList();
        return IntStream.range(0, 2 * count).mapToObj(i -> {
            var random = new Random(seed * 1_000_003L + i);
            boolean pair = i % 2 == 1;
            var first = digit(images, random);
            if (!pair) {
                return drawing("one-digit", true, NumberLayout.lay(List.of(first), false, random));
            }
            var second = random.nextInt(3) == 0 ? digit(ones, random) : digit(images, random);
            var digits = random.nextBoolean() ? List.of(first, second) : List.of(second, first);
            return drawing("touching-pair", false, NumberLayout.lay(digits, false, random));
        });
    }

    private static Ink digit(List<LabelledImage> images, Random random) {
        return Ink.of(images.get(random.nextInt(images.size())), RobustnessSets.SCALE).cropped(CROP);
    }

    private static RejectionSamples.Drawing drawing(String set, boolean digit, Ink ink) {
        return new RejectionSamples.Drawing(set, digit, new InkMap(ink.width(), ink.height(), ink.values()));
    }
}
