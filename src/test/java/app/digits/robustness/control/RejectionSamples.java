package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.WorkingInk;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.robustness.entity.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The drawings that teach and measure "not one digit", as ink maps read the server's way: digits are MNIST
 * images given as pixels and the robustness sets' redrawings (thin, bold, faint, rotated, scanned...); non-digits
 * are {@link NonDigitSets}. Which MNIST images and which seed is the caller's choice, so training, calibration
 * and the reported figures each use their own images.
 */
public final class RejectionSamples {

    private static final ImageDecoder DECODER = new ImageDecoder(2_000_000, 4_000_000);

    /** One drawing, the set it comes from, and whether it is one digit. */
    public record Drawing(String set, boolean digit, InkMap ink) {
    }

    private RejectionSamples() {
    }

    /** {@code plain} MNIST images as pixels, then {@code perSet} samples of each single-digit robustness set. */
    public static Stream<Drawing> digits(List<LabelledImage> images, long seed, int plain, int perSet) {
        return digits(images, seed, plain, perSet, set -> true);
    }

    /** The same, with only the robustness sets {@code redrawn} accepts. */
    public static Stream<Drawing> digits(List<LabelledImage> images, long seed, int plain, int perSet, Predicate<RobustnessSet> redrawn) {
        var pixels = IntStream.range(0, plain).mapToObj(i -> images.get((int) ((long) i * images.size() / plain))).map(image -> {
            var levels = new int[LabelledImage.PIXELS];
            Arrays.setAll(levels, image::pixel);
            return new Drawing(RobustnessSet.MNIST.key(), true, InkMap.ofGreyLevels(LabelledImage.SIDE, LabelledImage.SIDE, levels));
        });
        var redrawings = Arrays.stream(RobustnessSet.values()).filter(set -> set != RobustnessSet.MNIST && !set.numbers())
                .filter(redrawn)
                .flatMap(set -> RobustnessSets.samples(set, images, seed, perSet).map(sample -> decoded(set.key(), true, sample)));
        return Stream.concat(pixels, redrawings);
    }

    /**
     * The same, every set redrawn, each with a seed of its own ({@code seed * 100 + ordinal}), so the sets redraw different
     * test digits: with one seed they redraw the same ones, and one odd digit counts once per set.
     */
    public static Stream<Drawing> digitsApart(List<LabelledImage> images, long seed, int plain, int perSet) {
        var sets = Arrays.stream(RobustnessSet.values())
                .flatMap(set -> digits(images, seed * 100 + set.ordinal(), 0, perSet, only -> only == set));
        return Stream.concat(digits(images, seed, plain, 0), sets);
    }

    /** {@code perKind} samples of each kind of non-digit, two-digit ones made from {@code images}. */
    public static Stream<Drawing> nonDigits(List<LabelledImage> images, long seed, int perKind) {
        return Arrays.stream(NonDigitSets.Kind.values())
                .flatMap(kind -> NonDigitSets.samples(kind, images, seed, perKind).map(sample -> decoded(kind.key(), false, sample)));
    }

    /** A generated drawing read as the server reads an upload. */
    public static Drawing decoded(String set, boolean digit, Sample sample) {
        return new Drawing(set, digit, WorkingInk.digit(DECODER.decode(sample.image())).ink());
    }
}
