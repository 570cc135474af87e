package app.digits.drawing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawingTest {

    private static Drawing readAs(int digit) {
        var probabilities = new double[10];
        probabilities[digit] = 1;
        return Drawing.recognized(new byte[] {1}, new byte[784], digit, probabilities, "model", 1);
    }

    @Test
    void aLabelWaitsForReviewAndSaysWhetherItCorrectsTheModel() {
        var drawing = readAs(3);
        assertNull(drawing.getReview());

        drawing.label(3);
        assertEquals(Review.PENDING, drawing.getReview());
        assertFalse(drawing.isCorrected());

        drawing.label(8);
        assertTrue(drawing.isCorrected());
        assertEquals(8, drawing.getLabel());
    }

    @Test
    void aBlankDrawingOrALabelOutOfRangeIsRefused() {
        assertThrows(IllegalStateException.class, () -> Drawing.blank(new byte[] {1}, 1).label(4));
        assertThrows(IllegalArgumentException.class, () -> readAs(1).label(10));
    }

    @Test
    void aFurtherReadingTakesTheIdOfTheDrawingItContinues() {
        var first = readAs(1);
        var second = readAs(7).continuing(first.getId());
        assertEquals(first.getId(), second.getId());
    }
}
