package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrokeTopologyTest {

    @Test
    void aRingHasOneHoleAndNoEnds() {
        var ring = new byte[784];
        circle(ring, 14, 14, 8);

        var counts = StrokeTopology.counts(ring);
        assertEquals(1, counts.holes());
        assertEquals(1, counts.marks());
        assertEquals(0, counts.ends());
        assertEquals(0, counts.forks());
    }

    @Test
    void twoRingsTouchingHaveTwoHoles() {
        var eight = new byte[784];
        circle(eight, 14, 9, 5);
        circle(eight, 14, 19, 5);

        var counts = StrokeTopology.counts(eight);
        assertEquals(2, counts.holes());
        assertEquals(1, counts.marks());
        assertEquals(0, counts.ends());
        assertTrue(counts.forks() >= 1, counts.forks() + " forks where the rings meet");
    }

    @Test
    void aBarHasTwoEndsACrossFourAndATeeThreeAndAFork() {
        var bar = strokes(new int[] {14, 4, 14, 23});
        var cross = strokes(new int[] {14, 4, 14, 23}, new int[] {4, 14, 23, 14});
        var tee = strokes(new int[] {4, 4, 23, 4}, new int[] {14, 4, 14, 23});

        var barCounts = StrokeTopology.counts(bar);
        assertEquals(2, barCounts.ends());
        assertEquals(0, barCounts.forks());
        assertEquals(0, barCounts.holes());
        assertTrue(barCounts.lineLength() >= 14 && barCounts.lineLength() <= 20, barCounts.lineLength() + " pixels of centre line");
        assertEquals(4, StrokeTopology.counts(cross).ends());
        assertEquals(1, StrokeTopology.counts(cross).forks());
        assertEquals(3, StrokeTopology.counts(tee).ends());
        assertEquals(1, StrokeTopology.counts(tee).forks());
    }

    @Test
    void aSlantedCrossHasFourEndsButItsKnotIsNoFork() {
        var cross = strokes(new int[] {6, 6, 21, 21}, new int[] {21, 6, 6, 21});

        var counts = StrokeTopology.counts(cross);
        assertEquals(4, counts.ends());
        assertEquals(0, counts.forks(), "where slanted strokes cross, no pixel of the centre line has three branches");
    }

    @Test
    void marksApartAreCountedAndABlankHasNothing() {
        var two = strokes(new int[] {8, 5, 8, 22}, new int[] {20, 5, 20, 22});

        assertEquals(2, StrokeTopology.counts(two).marks());
        assertEquals(new StrokeTopology.Counts(0, 0, 0, 0, 0, 0), StrokeTopology.counts(new byte[784]));
        assertArrayEquals(new float[StrokeTopology.FEATURES], StrokeTopology.features(new byte[784]));
    }

    @Test
    void theFeaturesAreCountsAsStepsThenTheLineLengths() {
        var cross = strokes(new int[] {14, 4, 14, 23}, new int[] {4, 14, 23, 14});
        var counts = StrokeTopology.counts(cross);

        var features = StrokeTopology.features(cross);
        // holes 1-3, marks 2-4, ends 1-8, forks 1-6, then the two lengths
        assertArrayEquals(new float[] {0, 0, 0}, Arrays.copyOfRange(features, 0, 3));
        assertArrayEquals(new float[] {0, 0, 0}, Arrays.copyOfRange(features, 3, 6));
        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 0, 0}, Arrays.copyOfRange(features, 6, 14));
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0}, Arrays.copyOfRange(features, 14, 20));
        assertEquals(counts.lineLength() / 100f, features[StrokeTopology.FEATURES - 2], 1e-6);
        assertEquals((float) counts.lineLength() / counts.inked(), features[StrokeTopology.FEATURES - 1], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> StrokeTopology.counts(new byte[100]));
    }

    @Test
    void holesAreTheRegionsOfPaperAFloodFillFindsAwayFromTheBorder() {
        var random = new Random(5);
        for (int sample = 0; sample < 300; sample++) {
            var image = new byte[784];
            double density = 0.2 + 0.5 * random.nextDouble();
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextDouble() < density ? (byte) 255 : 0;
            }
            assertEquals(enclosedPaper(image), StrokeTopology.counts(image).holes(), "sample " + sample);
        }
        var diagonallyClosed = new byte[784];
        for (int[] p : new int[][] {{10, 9}, {11, 10}, {10, 11}, {9, 10}}) {
            diagonallyClosed[p[1] * 28 + p[0]] = (byte) 255;
        }
        assertEquals(1, StrokeTopology.counts(diagonallyClosed).holes(), "paper joined only at corners stays a hole");
    }

    /** The reference count: regions of paper, joined by sides, that no border pixel belongs to. */
    private static int enclosedPaper(byte[] image) {
        var seen = new boolean[784];
        int enclosed = 0;
        for (int start = 0; start < 784; start++) {
            if (seen[start] || (image[start] & 0xFF) > 128) {
                continue;
            }
            boolean border = false;
            var queue = new ArrayDeque<Integer>(List.of(start));
            seen[start] = true;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % 28;
                int y = i / 28;
                border |= x == 0 || y == 0 || x == 27 || y == 27;
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    if (nx >= 0 && ny >= 0 && nx < 28 && ny < 28 && !seen[ny * 28 + nx] && (image[ny * 28 + nx] & 0xFF) <= 128) {
                        seen[ny * 28 + nx] = true;
                        queue.add(ny * 28 + nx);
                    }
                }
            }
            enclosed += border ? 0 : 1;
        }
        return enclosed;
    }

    /** An image of strokes {x0, y0, x1, y1}. */
    private static byte[] strokes(int[]... lines) {
        var image = new byte[784];
        for (var l : lines) {
            line(image, l[0], l[1], l[2], l[3]);
        }
        return image;
    }

    /** A stroke two pixels wide from (x0, y0) to (x1, y1). */
    private static void line(byte[] image, int x0, int y0, int x1, int y1) {
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        for (int s = 0; s <= steps; s++) {
            int x = x0 + Math.round((float) (x1 - x0) * s / steps);
            int y = y0 + Math.round((float) (y1 - y0) * s / steps);
            for (int dy = 0; dy <= 1; dy++) {
                for (int dx = 0; dx <= 1; dx++) {
                    image[(y + dy) * 28 + x + dx] = (byte) 255;
                }
            }
        }
    }

    /** A ring two pixels wide of radius {@code r} around (cx, cy). */
    private static void circle(byte[] image, int cx, int cy, int r) {
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double d = Math.hypot(x - cx, y - cy);
                if (d >= r - 1 && d <= r + 1) {
                    image[y * 28 + x] = (byte) 255;
                }
            }
        }
    }
}
