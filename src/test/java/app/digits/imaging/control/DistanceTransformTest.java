package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    /** The distance to the nearest target by trying every target: what the transform must give to the bit. */
    private static float bruteForce(boolean[] target, int width, int height, int x, int y) {
        double best = Double.MAX_VALUE;
        for (int ty = 0; ty < height; ty++) {
            for (int tx = 0; tx < width; tx++) {
                if (target[ty * width + tx]) {
                    double dx = tx - x;
                    double dy = ty - y;
                    best = Math.min(best, dx * dx + dy * dy);
                }
            }
        }
        return (float) Math.sqrt(best);
    }

    @Test
    void everyPixelGetsTheExactDistanceToTheNearestTargetEvenInColumnsWithoutAny() {
        var random = new Random(7);
        for (int round = 0; round < 40; round++) {
            int width = 1 + random.nextInt(40);
            int height = 1 + random.nextInt(40);
            double density = random.nextDouble() * 0.2;
            var target = new boolean[width * height];
            for (int i = 0; i < target.length; i++) {
                target[i] = random.nextDouble() < density && i % width != width / 2;
            }
            target[random.nextInt(target.length)] = true;
            var distances = DistanceTransform.to(target, width, height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    assertEquals(bruteForce(target, width, height, x, y), distances[y * width + x],
                            "round " + round + " at " + x + "," + y);
                }
            }
        }
    }
}
