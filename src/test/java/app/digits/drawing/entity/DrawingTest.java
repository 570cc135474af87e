package app.digits.drawing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DrawingTest {

    private static Drawing readAs(int digit) {
        var probabilities = new double[10];
        probabilities[digit] = 1;
        return Drawing.recognized(new byte[] {1}, new byte[784], digit, probabilities, "model", 1);
    }

    @Test
    void aLabelIsRecordedWithItsTimeAndCanBeChanged() {
        var drawing = readAs(3);
        assertNull(drawing.getLabel());
        assertNull(drawing.getLabelledAt());

        drawing.label(3);
        assertEquals(3, drawing.getLabel());
        assertNotNull(drawing.getLabelledAt());

        drawing.label(8);
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
