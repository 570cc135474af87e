package app.digits.drawing.control;

import app.digits.prediction.entity.DigitReading;
import app.digits.prediction.entity.Drawing;
import java.time.Instant;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * A drawing as the BSON document JNoSQL writes for it, field for field (instants as ISO-8601 strings, byte
 * arrays as binaries, absent values as explicit nulls, readings as embedded documents), so that drawings
 * inserted in bulk through the driver read back through the {@code Drawings} repository like any other.
 * JNoSQL itself has no bulk insert: it inserts one document per round trip.
 */
final class DrawingDocuments {

    private DrawingDocuments() {
    }

    static Document of(Drawing drawing) {
        return new Document("_id", drawing.getId())
                .append("createdAt", text(drawing.getCreatedAt()))
                .append("pixels", binary(drawing.getPixels()))
                .append("original", binary(drawing.getOriginal()))
                .append("blank", drawing.isBlank())
                .append("digit", drawing.getDigit())
                .append("reason", drawing.isBlank() ? null : drawing.getReason())
                .append("confidence", drawing.getConfidence())
                .append("probabilities", drawing.getProbabilities())
                .append("modelId", drawing.getModelId())
                .append("serverMillis", drawing.getServerMillis())
                .append("number", drawing.getNumber())
                .append("readings", drawing.getReadings() == null ? null
                        : drawing.getReadings().stream().map(DrawingDocuments::reading).toList())
                .append("label", drawing.getLabel())
                .append("labelledAt", text(drawing.getLabelledAt()))
                .append("numberLabel", drawing.getNumberLabel());
    }

    private static Document reading(DigitReading reading) {
        return new Document("digit", reading.getDigit())
                .append("confidence", reading.getConfidence())
                .append("probabilities", reading.getProbabilities())
                .append("pixels", binary(reading.getPixels()))
                .append("left", reading.getLeft())
                .append("top", reading.getTop())
                .append("width", reading.getWidth())
                .append("height", reading.getHeight());
    }

    private static Binary binary(byte[] bytes) {
        return bytes == null ? null : new Binary(bytes);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
