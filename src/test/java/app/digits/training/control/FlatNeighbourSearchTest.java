package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.LinearSearch;
import smile.neighbor.Neighbor;

class FlatNeighbourSearchTest {

    private static double[][] points(int count, int dimensions, long seed) {
        var random = new Random(seed);
        var points = new double[count][dimensions];
        for (var point : points) {
            for (int d = 0; d < dimensions; d++) {
                point[d] = random.nextGaussian() * (dimensions - d);
            }
        }
        return points;
    }

    private static int[] sortedIndexes(Neighbor<double[], double[]>[] neighbours) {
        return Arrays.stream(neighbours).mapToInt(n -> n.index).sorted().toArray();
    }

    @Test
    void findsTheNeighboursSmilesEuclideanSearchFindsAtTheSameDistances() {
        var points = points(2_000, 20, 1);
        var flat = new FlatNeighbourSearch(points);
        var smile = LinearSearch.of(points, new EuclideanDistance());
        for (var query : points(50, 20, 2)) {
            for (int k : new int[] {1, 3, 10}) {
                var ours = flat.search(query, k);
                var theirs = smile.search(query, k);
                assertArrayEquals(sortedIndexes(theirs), sortedIndexes(ours));
                for (var neighbour : ours) {
                    assertEquals(new EuclideanDistance().d(query, points[neighbour.index]), neighbour.distance, 1e-9);
                    assertArrayEquals(points[neighbour.index], neighbour.key);
                }
                for (int j = 1; j < k; j++) {
                    assertEquals(true, ours[j - 1].distance <= ours[j].distance, "nearest first");
                }
            }
        }
    }

    @Test
    void theEarlierPointWinsATieAsInSmilesSearch() {
        var points = new double[][] {{0, 0}, {1, 0}, {0, 1}, {-1, 0}, {5, 5}};
        var query = new double[] {0, 0};
        var ours = new FlatNeighbourSearch(points).search(query, 3);
        var theirs = LinearSearch.of(points, new EuclideanDistance()).search(query, 3);
        assertArrayEquals(new int[] {0, 1, 2}, sortedIndexes(ours));
        assertArrayEquals(sortedIndexes(theirs), sortedIndexes(ours));
    }

    @Test
    void refusesQueriesItCannotAnswer() {
        var search = new FlatNeighbourSearch(points(5, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> search.search(new double[3], 6));
        assertThrows(IllegalArgumentException.class, () -> search.search(new double[2], 1));
        assertThrows(IllegalArgumentException.class, () -> new FlatNeighbourSearch(new double[0][]));
    }
}
