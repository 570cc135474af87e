package app.digits.drawing.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One drawing sent by a person or a client, as stored in {@code drawings}: the 28x28 image the model saw
 * (784 bytes, absent when nothing was drawn), the original as a bounded PNG, and the prediction with its
 * ten probabilities, the model that made it and the time it took.
 */
@Entity("drawings")
public class Drawing {

    @Id
    private String id;

    @Column
    private Instant createdAt;

    @Column
    private byte[] pixels;

    @Column
    private byte[] original;

    @Column
    private boolean blank;

    @Column
    private Integer digit;

    @Column
    private double confidence;

    @Column
    private List<Double> probabilities;

    @Column
    private String modelId;

    @Column
    private double serverMillis;

    protected Drawing() {
    }

    /** A drawing in which no digit was found: kept, with no prediction. */
    public static Drawing blank(byte[] original, double serverMillis) {
        var drawing = create(original, serverMillis);
        drawing.blank = true;
        drawing.probabilities = List.of();
        return drawing;
    }

    public static Drawing recognized(byte[] original, byte[] pixels, int digit, double[] probabilities, String modelId,
                                     double serverMillis) {
        var drawing = create(original, serverMillis);
        drawing.pixels = pixels;
        drawing.digit = digit;
        drawing.confidence = probabilities[digit];
        drawing.probabilities = java.util.Arrays.stream(probabilities).boxed().toList();
        drawing.modelId = modelId;
        return drawing;
    }

    private static Drawing create(byte[] original, double serverMillis) {
        var drawing = new Drawing();
        drawing.id = UUID.randomUUID().toString();
        drawing.createdAt = Instant.now();
        drawing.original = original;
        drawing.serverMillis = serverMillis;
        return drawing;
    }

    public String getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public byte[] getPixels() {
        return pixels;
    }

    public byte[] getOriginal() {
        return original;
    }

    public boolean isBlank() {
        return blank;
    }

    public Integer getDigit() {
        return digit;
    }

    public double getConfidence() {
        return confidence;
    }

    public List<Double> getProbabilities() {
        return probabilities;
    }

    public String getModelId() {
        return modelId;
    }

    public double getServerMillis() {
        return serverMillis;
    }
}
