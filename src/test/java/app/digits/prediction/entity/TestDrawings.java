package app.digits.prediction.entity;

import java.util.Arrays;

/** Drawings for unit tests, read with certainty, as the recognizer would build them. */
public final class TestDrawings {

    private TestDrawings() {
    }

    /** Ten probabilities, all on {@code digit}. */
    public static double[] sure(int digit) {
        var probabilities = new double[10];
        probabilities[digit] = 1;
        return probabilities;
    }

    /**
     * A number drawing read as {@code digits}, one 28x28 piece per digit; piece pixels are blank but for the
     * first, 100 + the digit read, so a test can tell which piece became which image.
     */
    public static Drawing number(int... digits) {
        var readings = Arrays.stream(digits).mapToObj(digit -> {
            var pixels = new byte[784];
            pixels[0] = (byte) (100 + digit);
            return new DigitReading(digit, sure(digit), pixels, 0, 0, 28, 28);
        }).toList();
        return Drawing.number(new byte[] {1}, readings, "m", 1);
    }
}
