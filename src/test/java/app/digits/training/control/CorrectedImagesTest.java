package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectedImagesTest {

    /** A 28x28 piece whose first pixel names it, so the test can tell which piece became which image. */
    private static byte[] piece(int mark) {
        var pixels = new byte[LabelledImage.PIXELS];
        pixels[0] = (byte) mark;
        return pixels;
    }

    @Test
    void aCorrectedNumberCutIntoAsManyPiecesAsDigitsGivesEachPieceItsDigitLeftToRight() {
        var corrected = new CorrectedImages();

        assertTrue(corrected.addNumber("407", List.of(piece(10), piece(11), piece(12))));

        var images = corrected.images();
        assertEquals(List.of(4, 0, 7), images.stream().map(LabelledImage::label).toList());
        assertArrayEquals(piece(11), images.get(1).pixels());
        assertEquals(0, corrected.numbersSkipped());
    }

    @Test
    void aCorrectedNumberCutIntoMoreOrFewerPiecesIsSkippedAndCounted() {
        var corrected = new CorrectedImages();

        assertFalse(corrected.addNumber("407", List.of(piece(1), piece(2))), "two digits read as one");
        assertFalse(corrected.addNumber("40", List.of(piece(1), piece(2), piece(3))), "one digit cut in two");
        assertFalse(corrected.addNumber("4", List.of()), "nothing cut");

        assertTrue(corrected.images().isEmpty());
        assertEquals(3, corrected.numbersSkipped());
    }

    @Test
    void digitsAndNumbersGatherTogetherInTheOrderTheyCame() {
        var corrected = new CorrectedImages();
        corrected.addDigit(5, piece(1));
        corrected.addNumber("12", List.of(piece(2)));
        corrected.addNumber("12", List.of(piece(3), piece(4)));

        assertEquals(List.of(5, 1, 2), corrected.images().stream().map(LabelledImage::label).toList());
        assertEquals(1, corrected.numbersSkipped());
    }
}
