package app.digits.training.control;

import java.util.Random;

/** Seeded Fisher-Yates shuffles of image indices, shared by the trainers that visit images in epochs. */
final class Shuffle {

    private Shuffle() {
    }

    static int[] permutation(int n, Random random) {
        var order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        inPlace(order, random);
        return order;
    }

    static void inPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
