package app.digits.bench;

import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.PngImages;
import app.digits.imaging.control.WorkingInk;
import app.digits.prediction.control.DigitJudge;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.robustness.control.MnistTestSet;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The CPU a single-digit prediction costs before the model, in one thread and without a server: what
 * {@code Recognizer} does for {@code POST /api/predictions} up to the model's batch (decode, the stored
 * original, the ink map, the MNIST normalization, the refusal judge's look at the ink), on the first 500
 * MNIST test images as JSON grey levels and as the 280x280 canvas PNG of {@code throughput.sh} (ink in the
 * alpha channel, each pixel a 10x10 square). Prints microseconds of the thread's CPU time per drawing for each
 * round (CPU time, not elapsed time, so that a shared machine's load weighs less), then a checksum
 * of everything computed (stored originals, 28x28 images, the judge's evidence), which must not change when
 * the path is made faster. Run with {@code mvn -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * app.digits.bench.RecognitionBench [rounds]}.
 */
public final class RecognitionBench {

    private static final int SCALE = 10;
    private static final int MAX_SIDE = 560;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private RecognitionBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var detector = NonDigitDetector.shipped();
        var decoder = new ImageDecoder(2_000_000, 4_000_000);
        var levels = MnistTestSet.images().subList(0, 500).stream()
                .map(image -> IntStream.range(0, 784).map(image::pixel).toArray()).toList();
        var pngs = levels.stream().map(RecognitionBench::canvas).toList();
        for (int round = 1; round <= rounds; round++) {
            long json = 0;
            long png = 0;
            long start = CPU.getCurrentThreadCpuTime();
            for (var values : levels) {
                var pixels = new byte[values.length];
                for (int i = 0; i < values.length; i++) {
                    pixels[i] = (byte) values[i];
                }
                json = 31 * json + read(PngImages.greyLevels(pixels, MnistNormalizer.SIDE),
                        InkMap.ofGreyLevels(MnistNormalizer.SIDE, MnistNormalizer.SIDE, values), detector);
            }
            long middle = CPU.getCurrentThreadCpuTime();
            for (var bytes : pngs) {
                var image = decoder.decode(bytes);
                png = 31 * png + read(PngImages.original(bytes, image, MAX_SIDE), WorkingInk.digit(image).ink(), detector);
            }
            long end = CPU.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "round %d: JSON %.1f µs, PNG %.1f µs of CPU a drawing; checksums %x %x%n", round,
                    (middle - start) / 1e3 / levels.size(), (end - middle) / 1e3 / pngs.size(), json, png);
        }
    }

    /** A checksum of what the recognizer keeps from one drawing. */
    private static long read(byte[] original, InkMap ink, NonDigitDetector detector) {
        long sum = Arrays.hashCode(original);
        var normalized = MnistNormalizer.normalize(ink);
        if (normalized.isEmpty()) {
            return sum;
        }
        var evidence = DigitJudge.inkEvidence(ink, normalized.get(), detector);
        return ((sum * 31 + Arrays.hashCode(normalized.get())) * 31 + Double.hashCode(evidence.nonDigit())) * 31
                + Double.hashCode(evidence.worstPiece());
    }

    /** The canvas PNG that {@code throughput_bodies.py} posts: black ink whose alpha is the grey level. */
    private static byte[] canvas(int[] values) {
        int side = MnistNormalizer.SIDE * SCALE;
        var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, values[(y / SCALE) * MnistNormalizer.SIDE + x / SCALE] << 24);
            }
        }
        return PngImages.encode(image);
    }
}
