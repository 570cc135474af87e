package app.digits.bench;

import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.robustness.control.MnistTestSet;
import java.util.stream.IntStream;

/**
 * Times the shipped non-digit detector on 500 normalized MNIST test digits, the refusal judge's hottest loop
 * (it is asked once per candidate piece of every single-digit drawing): five rounds of 40 passes, microseconds
 * per image, and the sum of the answers, which must not change when the loop is made faster. Outside the server:
 * {@code mvn -q test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) app.digits.bench.DetectorBench}
 * ({@code target/cp.txt} from {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class DetectorBench {

    private DetectorBench() {
    }

    public static void main(String[] args) {
        var detector = NonDigitDetector.shipped();
        var images = MnistTestSet.images().subList(0, 500).stream()
                .map(image -> InkMap.ofGreyLevels(28, 28, IntStream.range(0, 784).map(image::pixel).toArray()))
                .flatMap(ink -> MnistNormalizer.normalize(ink).stream()).toList();
        double sum = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int pass = 0; pass < 40; pass++) {
                for (var pixels : images) {
                    sum += detector.nonDigit(pixels);
                }
            }
            System.out.printf("round %d: %.1f µs per image%n", round + 1, (System.nanoTime() - start) / 1e3 / (40.0 * images.size()));
        }
        System.out.println("sum of the answers: " + sum);
    }
}
