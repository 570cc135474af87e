package app.digits.training.control;

import smile.math.special.Erf;

/**
 * McNemar's test of whether two classifiers scored on the same test images differ more than chance
 * would explain. Only the images on which they disagree count: {@code b} that only the first got right,
 * {@code c} that only the second did. With fewer than 25 such images the exact binomial test is used,
 * otherwise the chi-square statistic with continuity correction.
 */
public final class McNemar {

    /** The disagreements, the statistic (chi-square, or NaN when exact) and the two-sided p-value. */
    public record Result(int onlyFirstRight, int onlySecondRight, double chiSquare, double pValue) {

        public boolean significantAt(double level) {
            return pValue < level;
        }
    }

    private McNemar() {
    }

    public static Result test(boolean[] firstRight, boolean[] secondRight) {
        if (firstRight.length != secondRight.length) {
            throw new IllegalArgumentException("Both classifiers must be scored on the same images: "
                    + firstRight.length + " and " + secondRight.length);
        }
        int b = 0;
        int c = 0;
        for (int i = 0; i < firstRight.length; i++) {
            if (firstRight[i] && !secondRight[i]) {
                b++;
            } else if (!firstRight[i] && secondRight[i]) {
                c++;
            }
        }
        int n = b + c;
        if (n == 0) {
            return new Result(0, 0, 0, 1);
        }
        if (n < 25) {
            return new Result(b, c, Double.NaN, exactTwoSided(Math.min(b, c), n));
        }
        double chiSquare = Math.pow(Math.abs(b - c) - 1, 2) / n;
        return new Result(b, c, chiSquare, Erf.erfc(Math.sqrt(chiSquare / 2)));
    }

    /** Two-sided binomial p-value of {@code k} or fewer successes in {@code n} fair trials. */
    private static double exactTwoSided(int k, int n) {
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1, 2 * tail);
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }
}
