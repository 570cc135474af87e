package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighbourFragmentsTest {

    private static final int SIDE = CnnInputs.SIDE;

    /** A vertical bar three pixels wide, rows 4-23, around column {@code centre}. */
    private static byte[] bar(int centre) {
        var pixels = new byte[SIDE * SIDE];
        for (int y = 4; y < 24; y++) {
            for (int x = centre - 1; x <= centre + 1; x++) {
                pixels[y * SIDE + x] = (byte) 255;
            }
        }
        return pixels;
    }

    /** A 7: a bar across the top, rows 4-6 from column 6 to 21, and a stroke down its right end. */
    private static byte[] seven() {
        var pixels = new byte[SIDE * SIDE];
        for (int y = 4; y < 24; y++) {
            for (int x = 6; x < 22; x++) {
                boolean top = y < 7;
                boolean stem = x >= 19 - (y - 4) / 3 && x < 22 - (y - 4) / 3;
                pixels[y * SIDE + x] = top || stem ? (byte) 255 : 0;
            }
        }
        return pixels;
    }

    private static byte[] alone(byte[] digit) {
        var ink = new float[digit.length];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (digit[i] & 0xFF) / 255f;
        }
        return MnistNormalizer.normalize(new InkMap(SIDE, SIDE, ink)).orElseThrow();
    }

    /** How many separate runs of ink cross row {@code y}. */
    private static int runs(byte[] image, int y) {
        int runs = 0;
        boolean inside = false;
        for (int x = 0; x < SIDE; x++) {
            boolean ink = (image[y * SIDE + x] & 0xFF) > 64;
            runs += ink && !inside ? 1 : 0;
            inside = ink;
        }
        return runs;
    }

    @Test
    void theSameSeedCutsTheSamePiece() {
        var first = NeighbourFragments.piece(bar(14), seven(), new Random(4));
        assertEquals(SIDE * SIDE, first.length);
        assertArrayEquals(first, NeighbourFragments.piece(bar(14), seven(), new Random(4)));
    }

    @Test
    void withoutANeighbourThePieceIsTheDigitNormalizedAlone() {
        var expected = alone(bar(14));
        for (int seed = 0; seed < 20; seed++) {
            assertArrayEquals(expected, NeighbourFragments.piece(bar(14), new byte[SIDE * SIDE], new Random(seed)), "seed " + seed);
        }
    }

    @Test
    void someCutsKeepAStrokeOfTheNeighbourAndOthersLeaveItOut() {
        // A 1 beside a stroke with a foot reaching back under it, as a 2 or an L would: cut a little right of where
        // they meet, the piece keeps part of the foot, and its bottom row is wider than the 1.
        int oneWidth = widest(alone(bar(14)));
        int withFragment = 0;
        int clean = 0;
        for (int seed = 0; seed < 100; seed++) {
            int widest = widest(NeighbourFragments.piece(bar(14), footed(), new Random(seed)));
            withFragment += widest >= oneWidth + 2 ? 1 : 0;
            clean += widest <= oneWidth ? 1 : 0;
        }
        assertTrue(withFragment >= 10, withFragment + " pieces of 100 keep a stroke of the neighbour");
        assertTrue(clean >= 10, clean + " pieces of 100 leave it out");
    }

    /** A stroke down column 20 with a foot along rows 22-23 from column 6. */
    private static byte[] footed() {
        var pixels = bar(20);
        for (int y = 22; y < 24; y++) {
            for (int x = 6; x < 21; x++) {
                pixels[y * SIDE + x] = (byte) 255;
            }
        }
        return pixels;
    }

    /** The widest span of ink in any row, from its first inked column to its last. */
    private static int widest(byte[] image) {
        int widest = 0;
        for (int y = 0; y < SIDE; y++) {
            int first = -1;
            int last = -1;
            for (int x = 0; x < SIDE; x++) {
                if ((image[y * SIDE + x] & 0xFF) > 64) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            widest = Math.max(widest, first < 0 ? 0 : last - first + 1);
        }
        return widest;
    }

    @Test
    void aCutNeverTakesMostOfTheDigitAway() {
        // A 1 laid left of a 7 whose bar reaches back over it: whatever the cut, the piece keeps the 1's full height.
        for (int seed = 0; seed < 50; seed++) {
            var piece = NeighbourFragments.piece(bar(14), seven(), new Random(seed));
            int rowsWithInk = 0;
            for (int y = 0; y < SIDE; y++) {
                rowsWithInk += runs(piece, y) > 0 ? 1 : 0;
            }
            assertTrue(rowsWithInk >= 18, "seed " + seed + ": " + rowsWithInk + " rows of ink");
        }
    }

    @Test
    void numbersBatchesRepeatForTheSameSeedAndKeepEveryDigitsLabel() {
        var images = new ArrayList<LabelledImage>();
        for (int i = 0; i < 10; i++) {
            images.add(new LabelledImage(i, i % 2 == 0 ? bar(8 + i) : footed()));
        }
        var first = batch(images, 3);
        var again = batch(images, 3);
        assertArrayEquals(first.pixels(), again.pixels());
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f), sorted(first.labels()));
        assertTrue(!Arrays.equals(first.pixels(), batch(images, 4).pixels()), "another seed, other images");
    }

    private static CnnBatches.Batch batch(List<LabelledImage> images, long seed) {
        try (var producer = new CnnBatches(images, 1, images.size(), CnnBatches.Augmentation.NUMBERS, seed)) {
            return producer.next().orElseThrow();
        }
    }

    private static List<Float> sorted(float[] labels) {
        var list = new ArrayList<Float>();
        for (float label : labels) {
            list.add(label);
        }
        return list.stream().sorted().toList();
    }
}
