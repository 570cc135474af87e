package app.digits.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.digits.platform.control.ProblemException;
import app.digits.prediction.control.DrawingInput;
import org.junit.jupiter.api.Test;

class PredictionRequestTest {

    @Test
    void aDataUrlBecomesAnEncodedImage() {
        var input = new PredictionRequest("data:image/png;base64,AQID", null).toInput();
        assertArrayEquals(new byte[] {1, 2, 3}, assertInstanceOf(DrawingInput.EncodedImage.class, input).bytes());
    }

    @Test
    void pixelsBecomeGreyLevels() {
        var input = new PredictionRequest(null, new int[] {0, 255}).toInput();
        assertArrayEquals(new int[] {0, 255}, assertInstanceOf(DrawingInput.GreyLevels.class, input).values());
    }

    @Test
    void exactlyOneOfImageOrPixelsIsRequired() {
        assertEquals(400, assertThrows(ProblemException.class, () -> new PredictionRequest(null, null).toInput()).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> new PredictionRequest("data:image/png;base64,AQID", new int[784]).toInput()).status());
    }
}
