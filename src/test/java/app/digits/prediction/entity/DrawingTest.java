package app.digits.prediction.entity;

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
    void aDrawingThatIsNotOneDigitKeepsItsProbabilitiesAndReasonButNoDigit() {
        var probabilities = new double[] {0.1, 0.4, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0, 0};
        var drawing = Drawing.refused(new byte[] {1}, new byte[784], "not-a-digit", probabilities, "model", 1);

        assertNull(drawing.getDigit());
        assertEquals("not-a-digit", drawing.getReason());
        assertEquals(0.4, drawing.getConfidence());
        assertEquals(10, drawing.getProbabilities().size());
        drawing.label(4);
        assertEquals(4, drawing.getLabel(), "people can still say which digit they meant");
        assertEquals("blank", Drawing.blank(new byte[] {1}, 1).getReason());
        assertNull(readAs(3).getReason());
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

    @Test
    void aNumberDrawingTakesTheNumberItReallyReadsAndASingleDigitDoesNot() {
        var drawing = TestDrawings.number(1, 2);
        assertNull(drawing.getNumberLabel());

        drawing.labelNumber("172");

        assertEquals("172", drawing.getNumberLabel());
        assertNotNull(drawing.getLabelledAt());
        assertNull(drawing.getLabel(), "no single-digit label");
        assertThrows(IllegalStateException.class, () -> readAs(3).labelNumber("3"));
        assertThrows(IllegalStateException.class, () -> TestDrawings.number(1).label(1), "a number drawing takes a number, not a digit");
        assertThrows(IllegalArgumentException.class, () -> drawing.labelNumber("1 2"));
        assertThrows(IllegalArgumentException.class, () -> drawing.labelNumber(""));
        assertEquals("172", drawing.getNumberLabel(), "a refused label changes nothing");
    }
}
