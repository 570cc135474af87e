package app.digits.training.control;

/**
 * Counts of (true digit, predicted digit) over a test set, and the metrics read from it: accuracy, each
 * digit's precision, recall and F1, and their macro average (every digit weighs the same, whatever its
 * number of test images).
 */
public final class ConfusionMatrix {

    private final int[][] counts = new int[10][10];

    /** A matrix from stored counts (rows true digits, columns predicted ones). */
    public static ConfusionMatrix of(int[][] counts) {
        var matrix = new ConfusionMatrix();
        for (int i = 0; i < 10; i++) {
            System.arraycopy(counts[i], 0, matrix.counts[i], 0, 10);
        }
        return matrix;
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    /** The counts, rows true digits and columns predicted ones (a copy). */
    public int[][] counts() {
        var copy = new int[10][];
        for (int i = 0; i < 10; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public int total() {
        int total = 0;
        for (var row : counts) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    public double accuracy() {
        int right = 0;
        for (int digit = 0; digit < 10; digit++) {
            right += counts[digit][digit];
        }
        return ratio(right, total());
    }

    public double precision(int digit) {
        int predicted = 0;
        for (int actual = 0; actual < 10; actual++) {
            predicted += counts[actual][digit];
        }
        return ratio(counts[digit][digit], predicted);
    }

    public double recall(int digit) {
        int actual = 0;
        for (int predicted = 0; predicted < 10; predicted++) {
            actual += counts[digit][predicted];
        }
        return ratio(counts[digit][digit], actual);
    }

    public double f1(int digit) {
        double precision = precision(digit);
        double recall = recall(digit);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public int support(int digit) {
        int support = 0;
        for (int count : counts[digit]) {
            support += count;
        }
        return support;
    }

    public double macroF1() {
        double sum = 0;
        for (int digit = 0; digit < 10; digit++) {
            sum += f1(digit);
        }
        return sum / 10;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
