package app.digits.prediction.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One drawing sent by a person or a client, as stored in {@code drawings}: the original as a bounded PNG,
 * the model that read it and the time it took, and either a single digit (the 28x28 image the model saw and
 * its ten probabilities) or a whole number (one embedded reading per digit). A drawing with no ink that
 * looks like a digit is kept as blank, with no prediction; a single-digit drawing that is not one digit (a
 * scribble, two digits, a digit the model is unsure of) keeps its image and probabilities, no digit, and the
 * reason. The label people give (a digit, or for a number drawing the number it really reads) is also listed, small, in
 * the {@code labels} collection, where it waits for the admin's review before it can train a model.
 */
@Entity("drawings")
public class Drawing {

    private static final String BLANK = "blank";

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
    private String reason;

    @Column
    private double confidence;

    @Column
    private List<Double> probabilities;

    @Column
    private String modelId;

    @Column
    private double serverMillis;

    @Column
    private String number;

    @Column
    private List<DigitReading> readings;

    @Column
    private Integer label;

    @Column
    private Instant labelledAt;

    @Column
    private String numberLabel;

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
        var drawing = read(original, pixels, probabilities, modelId, serverMillis);
        drawing.digit = digit;
        drawing.confidence = probabilities[digit];
        return drawing;
    }

    /**
     * A single-digit drawing answered with no digit for {@code reason} (its key, such as {@code not-a-digit});
     * the confidence is the model's highest probability, which did not decide.
     */
    public static Drawing refused(byte[] original, byte[] pixels, String reason, double[] probabilities, String modelId,
                                  double serverMillis) {
        var drawing = read(original, pixels, probabilities, modelId, serverMillis);
        drawing.reason = reason;
        drawing.confidence = java.util.Arrays.stream(probabilities).max().orElse(0);
        return drawing;
    }

    private static Drawing read(byte[] original, byte[] pixels, double[] probabilities, String modelId, double serverMillis) {
        var drawing = create(original, serverMillis);
        drawing.pixels = pixels;
        drawing.probabilities = java.util.Arrays.stream(probabilities).boxed().toList();
        drawing.modelId = modelId;
        return drawing;
    }

    /** A drawing of a whole number, its digits read left to right. */
    public static Drawing number(byte[] original, List<DigitReading> readings, String modelId, double serverMillis) {
        var drawing = create(original, serverMillis);
        drawing.readings = List.copyOf(readings);
        drawing.number = readings.stream().map(reading -> String.valueOf(reading.getDigit()))
                .collect(java.util.stream.Collectors.joining());
        drawing.confidence = readings.stream().mapToDouble(DigitReading::getConfidence).min().orElse(0);
        drawing.probabilities = List.of();
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

    /** Why no digit is answered ({@code blank}, {@code not-a-digit}, {@code several-digits}, {@code unsure}); null when one is. */
    public String getReason() {
        return blank ? BLANK : reason;
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

    /**
     * Records what the person says the drawing really is, confirming the prediction or correcting it. Only a
     * single-digit drawing with ink can be labelled.
     */
    public void label(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("A label is a digit from 0 to 9, got " + digit);
        }
        if (blank || pixels == null) {
            throw new IllegalStateException("Only a drawing of a single digit can be labelled");
        }
        label = digit;
        labelledAt = Instant.now();
    }

    /**
     * Records what the person says a number drawing really reads, confirming the reading or correcting it:
     * {@code number} is its digits, left to right. Only a drawing read as a whole number can be corrected so.
     */
    public void labelNumber(String number) {
        if (number == null || !number.matches("[0-9]+")) {
            throw new IllegalArgumentException("A number label is digits 0-9 only, got '" + number + "'");
        }
        if (readings == null) {
            throw new IllegalStateException("Only a drawing read as a whole number can be corrected with a number");
        }
        numberLabel = number;
        labelledAt = Instant.now();
    }

    /**
     * The same drawing, drawn further: it takes the place of the earlier version {@code previousId} (the
     * pages read a drawing live while it is drawn, and keep one document per drawing, not one per reading).
     */
    public Drawing continuing(String previousId) {
        id = previousId;
        return this;
    }


    /** When the person said what the digit is; null until someone says. */
    public Instant getLabelledAt() {
        return labelledAt;
    }

    /** What the person said the digit is; null until someone says. */
    public Integer getLabel() {
        return label;
    }


    /** What the person said a number drawing reads; null until someone says, and for a single digit. */
    public String getNumberLabel() {
        return numberLabel;
    }

    /** The number read, for a number drawing; null for a single digit. */
    public String getNumber() {
        return number;
    }

    /** The digits of a number drawing, left to right; null for a single digit. */
    public List<DigitReading> getReadings() {
        return readings;
    }
}
