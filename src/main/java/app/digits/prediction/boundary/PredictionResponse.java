package app.digits.prediction.boundary;

import app.digits.drawing.entity.Drawing;
import java.net.URI;
import java.util.List;

/**
 * What the API answers for a recognized drawing: the digit (null when nothing was drawn), its confidence,
 * the ten probabilities, the model that answered, the stored drawing's id, the server time taken and where
 * to fetch the 28x28 image the model saw.
 */
public record PredictionResponse(
        String id,
        Integer digit,
        boolean blank,
        String message,
        double confidence,
        List<Double> probabilities,
        String modelId,
        double serverMillis,
        String createdAt,
        URI inputImage) {

    /** The response for a stored drawing; {@code api} is the API's base URI, to link the input image. */
    static PredictionResponse of(Drawing drawing, URI api) {
        return new PredictionResponse(
                drawing.getId(),
                drawing.getDigit(),
                drawing.isBlank(),
                drawing.isBlank() ? "no digit drawn" : "recognized " + drawing.getDigit(),
                drawing.getConfidence(),
                drawing.getProbabilities(),
                drawing.getModelId(),
                drawing.getServerMillis(),
                drawing.getCreatedAt().toString(),
                drawing.isBlank() ? null : api.resolve("predictions/" + drawing.getId() + "/input.png"));
    }
}
