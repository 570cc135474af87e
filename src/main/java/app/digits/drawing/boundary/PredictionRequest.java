package app.digits.drawing.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Range;
import app.digits.prediction.control.DrawingInput;
import app.digits.imaging.control.DataUrl;

/**
 * The JSON form of a prediction request: exactly one of {@code image}, a data URL such as a canvas gives
 * ({@code data:image/png;base64,...}), or {@code pixels}, 784 grey levels 0-255 (ink high). The range is checked
 * where the JSON is read, so a fraction, a string or an overflowing number never becomes a grey level.
 */
public record PredictionRequest(String image, @Range(min = 0, max = 255, name = "Pixel") int[] pixels) {

    public DrawingInput toInput() {
        if ((image == null) == (pixels == null)) {
            throw ProblemException.badRequest(
                    "Send exactly one of 'image' (a data URL) or 'pixels' (784 values 0-255)");
        }
        return image != null
                ? new DrawingInput.EncodedImage(DataUrl.parse(image).bytes())
                : new DrawingInput.GreyLevels(pixels);
    }
}
