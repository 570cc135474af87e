package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void confusionMatrixMetricsMatchAHandComputedExample() {
        var matrix = new ConfusionMatrix();
        // digit 0: 8 right, 2 read as 1; digit 1: 9 right, 1 read as 0; digit 2: 5 right
        for (int i = 0; i < 8; i++) {
            matrix.add(0, 0);
        }
        matrix.add(0, 1);
        matrix.add(0, 1);
        for (int i = 0; i < 9; i++) {
            matrix.add(1, 1);
        }
        matrix.add(1, 0);
        for (int i = 0; i < 5; i++) {
            matrix.add(2, 2);
        }

        assertEquals(25, matrix.total());
        assertEquals(22 / 25.0, matrix.accuracy(), 1e-12);
        assertEquals(8 / 9.0, matrix.precision(0), 1e-12);
        assertEquals(8 / 10.0, matrix.recall(0), 1e-12);
        assertEquals(2 * (8 / 9.0) * 0.8 / (8 / 9.0 + 0.8), matrix.f1(0), 1e-12);
        assertEquals(9 / 11.0, matrix.precision(1), 1e-12);
        assertEquals(1.0, matrix.f1(2), 1e-12);
        assertEquals(0.0, matrix.f1(7), "a digit never seen nor predicted scores 0");
        assertEquals((matrix.f1(0) + matrix.f1(1) + 1.0) / 10, matrix.macroF1(), 1e-12);
        assertEquals(10, matrix.support(0));
        assertEquals(2, matrix.counts()[0][1]);
    }

    private static boolean[][] pairs(int bothRight, int onlyFirst, int onlySecond, int bothWrong) {
        int n = bothRight + onlyFirst + onlySecond + bothWrong;
        var first = new boolean[n];
        var second = new boolean[n];
        int i = 0;
        for (int k = 0; k < bothRight; k++, i++) {
            first[i] = true;
            second[i] = true;
        }
        for (int k = 0; k < onlyFirst; k++, i++) {
            first[i] = true;
        }
        for (int k = 0; k < onlySecond; k++, i++) {
            second[i] = true;
        }
        return new boolean[][] {first, second};
    }

    @Test
    void mcNemarMatchesTheTextbookChiSquare() {
        // b = 25, c = 10: chi2 = (|25 - 10| - 1)^2 / 35 = 5.6, p = 0.01796 (chi-square, 1 degree of freedom)
        var pair = pairs(100, 25, 10, 5);
        var result = McNemar.test(pair[0], pair[1]);
        assertEquals(25, result.onlyFirstRight());
        assertEquals(10, result.onlySecondRight());
        assertEquals(5.6, result.chiSquare(), 1e-12);
        assertEquals(0.01796, result.pValue(), 1e-4);
        assertTrue(result.significantAt(0.05));
    }

    @Test
    void mcNemarIsExactForFewDisagreements() {
        // b = 1, c = 6: two-sided binomial p = 2 * (1 + 7) / 128 = 0.125
        var pair = pairs(50, 1, 6, 3);
        var result = McNemar.test(pair[0], pair[1]);
        assertEquals(0.125, result.pValue(), 1e-12);
        assertFalse(result.significantAt(0.05));
        assertEquals(1.0, McNemar.test(new boolean[] {true, false}, new boolean[] {true, false}).pValue());
        assertThrows(IllegalArgumentException.class, () -> McNemar.test(new boolean[2], new boolean[3]));
    }
}
