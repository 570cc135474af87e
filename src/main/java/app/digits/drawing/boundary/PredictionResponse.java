package app.digits.drawing.boundary;

import app.digits.prediction.entity.Drawing;
import java.net.URI;
import java.util.List;

/**
 * What the API answers for a recognized drawing: the digit, or null with the {@code reason} (blank,
 * not-a-digit, several-digits, unsure) when the drawing is not one digit, the confidence (the highest
 * probability, whether it decided or not), the ten probabilities (empty when blank), the model that answered, the stored drawing's id, the server time taken and where
 * to fetch the 28x28 image the model saw. For a number drawing, {@code number} and one entry per digit
 * replace the single digit; the confidence is then the lowest of the digits'. {@code label} (a digit) or
 * {@code numberLabel} (a number drawing) is what the person said the drawing really is, once they have said it.
 */
public record PredictionResponse(
        String id,
        Integer digit,
        boolean blank,
        String reason,
        String message,
        double confidence,
        List<Double> probabilities,
        String modelId,
        double serverMillis,
        String createdAt,
        URI inputImage,
        String number,
        List<DigitResponse> digits,
        Integer label,
        String numberLabel) {

    /** One digit of a number: what was read, and where it stood in the drawing. */
    public record DigitResponse(int digit, double confidence, List<Double> probabilities, int left, int top,
                                int width, int height, URI inputImage) {
    }

    /** The response for a stored drawing; {@code api} is the API's base URI, to link the input image. */
    static PredictionResponse of(Drawing drawing, URI api) {
        return new PredictionResponse(
                drawing.getId(),
                drawing.getDigit(),
                drawing.isBlank(),
                drawing.getReason(),
                message(drawing),
                drawing.getConfidence(),
                drawing.getProbabilities(),
                drawing.getModelId(),
                drawing.getServerMillis(),
                drawing.getCreatedAt().toString(),
                drawing.getPixels() == null ? null : api.resolve("predictions/" + drawing.getId() + "/input.png"),
                drawing.getNumber(),
                drawing.getReadings() == null ? null : digits(drawing, api),
                drawing.getLabel(),
                drawing.getNumberLabel());
    }

    private static String message(Drawing drawing) {
        if (drawing.getReason() != null) {
            return switch (drawing.getReason()) {
                case "blank" -> "no digit drawn";
                case "several-digits" -> "several digits: send them with ?as=number";
                case "unsure" -> "not sure which digit this is";
                default -> "this does not look like a digit";
            };
        }
        return drawing.getNumber() != null ? "recognized " + drawing.getNumber() : "recognized " + drawing.getDigit();
    }

    private static List<DigitResponse> digits(Drawing drawing, URI api) {
        var readings = drawing.getReadings();
        return java.util.stream.IntStream.range(0, readings.size()).mapToObj(i -> {
            var reading = readings.get(i);
            return new DigitResponse(reading.getDigit(), reading.getConfidence(), reading.getProbabilities(),
                    reading.getLeft(), reading.getTop(), reading.getWidth(), reading.getHeight(),
                    api.resolve("predictions/" + drawing.getId() + "/digits/" + i + "/input.png"));
        }).toList();
    }
}
