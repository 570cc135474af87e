package app.digits.prediction.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import java.util.Arrays;
import java.util.List;

/**
 * One digit of a number drawing: where it stood in the drawing, the 28x28 image the model saw, and what the
 * model said. Embedded in its drawing's document.
 */
@Embeddable
public class DigitReading {

    @Column
    private int digit;

    @Column
    private double confidence;

    @Column
    private List<Double> probabilities;

    @Column
    private byte[] pixels;

    @Column
    private int left;

    @Column
    private int top;

    @Column
    private int width;

    @Column
    private int height;

    protected DigitReading() {
    }

    public DigitReading(int digit, double[] probabilities, byte[] pixels, int left, int top, int width, int height) {
        this.digit = digit;
        this.confidence = probabilities[digit];
        this.probabilities = Arrays.stream(probabilities).boxed().toList();
        this.pixels = pixels;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
    }

    public int getDigit() {
        return digit;
    }

    public double getConfidence() {
        return confidence;
    }

    public List<Double> getProbabilities() {
        return probabilities;
    }

    public byte[] getPixels() {
        return pixels;
    }

    public int getLeft() {
        return left;
    }

    public int getTop() {
        return top;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }
}
