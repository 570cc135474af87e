package app.digits.prediction.control;

import app.digits.imaging.control.StrokeTopology;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Says how unlike a digit a normalized 28x28 image is, from 0 (a digit) to 1 (a scribble, a letter, a shape,
 * two digits). The served model cannot say it: it was trained on digits only and answers a scribble with 83 %
 * confidence. This is a one-hidden-layer network trained apart from it, on MNIST training images (some
 * redrawn thin, bold, faint, rotated or scanned) against synthetic non-digits ({@code NonDigitDetectorTraining}
 * in the tests writes the weights; the shipped ones are three networks of 64 hidden units averaged, which is one
 * network of 192), so it works whatever model is served. Beside the pixels it reads the strokes' counts
 * ({@link StrokeTopology}: holes, marks, stroke ends, forks, centre-line length), which say what a digit's shape
 * is and a scribble's is not the same way for every writer. Plain Java: 150,000 multiply-adds, fewer for the ink.
 */
public record NonDigitDetector(int inputs, int hidden, float[] inputWeights, float[] hiddenBias, float[] outputWeights,
                               float[] outputBias) {

    public static final String RESOURCE = "/app/digits/prediction/non-digit-detector.bin";
    /**
     * The weights of a second detector of the same shape that knows only one question: one digit, or two digits
     * touching as in a number ({@code TouchingDetectorTraining} in the tests writes them). The number reader
     * weighs pieces by it too ({@link PieceSureness}): the served model reads "41" cut as one piece as a sure 4.
     */
    public static final String TOUCHING_RESOURCE = "/app/digits/prediction/touching-digits-detector.bin";
    private static final int PIXELS = 784;
    /** The pixels, then the strokes' counts. */
    public static final int INPUTS = PIXELS + StrokeTopology.FEATURES;
    private static final int MAGIC = 0x4E4F4E44;

    /** The weights shipped with the application. */
    public static NonDigitDetector shipped() {
        return shipped(RESOURCE);
    }

    /** The touching-digits detector shipped with the application ({@link #TOUCHING_RESOURCE}). */
    public static NonDigitDetector touching() {
        return shipped(TOUCHING_RESOURCE);
    }

    private static NonDigitDetector shipped(String resource) {
        try (var in = NonDigitDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The detector's weights are missing: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The network's input for one drawing with its zeros left out: the indices and values of the non-zero
     * inputs (the inked pixels scaled to 0-1, then the strokes' counts), in input order. The number reader asks
     * both detectors of the same piece, so it counts the strokes once for both.
     */
    public record Input(int[] index, float[] value, int count) {

        /** The input of the 784 grey levels (0-255, ink high). */
        public static Input of(byte[] pixels) {
            var index = new int[INPUTS];
            var value = new float[INPUTS];
            int count = 0;
            for (int i = 0; i < PIXELS; i++) {
                if (pixels[i] != 0) {
                    index[count] = i;
                    value[count++] = (pixels[i] & 0xFF) / 255f;
                }
            }
            var features = StrokeTopology.features(pixels);
            for (int j = 0; j < features.length; j++) {
                if (features[j] != 0) {
                    index[count] = PIXELS + j;
                    value[count++] = features[j];
                }
            }
            return new Input(index, value, count);
        }
    }

    /** The probability that the 784 grey levels (0-255, ink high) are not one digit: see {@link #nonDigit(Input)}. */
    public double nonDigit(byte[] pixels) {
        return nonDigit(Input.of(pixels));
    }

    /**
     * The probability that the drawing is not one digit. The judge asks it for every way of cutting a drawing,
     * so it is the hottest loop of a prediction: only the non-zero inputs are visited (an MNIST-like image is four
     * fifths background, whose zero terms change no sum), in the same order as {@link #activations}, so the
     * answer is the same to the last bit.
     */
    public double nonDigit(Input input) {
        if (inputs != INPUTS) {
            throw new IllegalStateException("A detector of " + inputs + " inputs cannot read a drawing's " + INPUTS);
        }
        var index = input.index();
        var value = input.value();
        int inked = input.count();
        var out = new float[hidden];
        int h = 0;
        for (; h + 4 <= hidden; h += 4) {
            // four hidden units at once: four independent sums keep the processor busy while each add waits
            // for the one before it, and each sum still adds its terms in the same order
            float sum0 = hiddenBias[h];
            float sum1 = hiddenBias[h + 1];
            float sum2 = hiddenBias[h + 2];
            float sum3 = hiddenBias[h + 3];
            int row0 = h * inputs;
            int row1 = row0 + inputs;
            int row2 = row1 + inputs;
            int row3 = row2 + inputs;
            for (int k = 0; k < inked; k++) {
                int i = index[k];
                float x = value[k];
                sum0 += inputWeights[row0 + i] * x;
                sum1 += inputWeights[row1 + i] * x;
                sum2 += inputWeights[row2 + i] * x;
                sum3 += inputWeights[row3 + i] * x;
            }
            out[h] = Math.max(0f, sum0);
            out[h + 1] = Math.max(0f, sum1);
            out[h + 2] = Math.max(0f, sum2);
            out[h + 3] = Math.max(0f, sum3);
        }
        for (; h < hidden; h++) {
            float sum = hiddenBias[h];
            int row = h * inputs;
            for (int k = 0; k < inked; k++) {
                sum += inputWeights[row + index[k]] * value[k];
            }
            out[h] = Math.max(0f, sum);
        }
        return output(out);
    }

    /** The network's whole input for the 784 grey levels: the levels scaled to 0-1, then the strokes' counts. */
    public static float[] input(byte[] pixels) {
        var input = new float[INPUTS];
        for (int i = 0; i < PIXELS; i++) {
            input[i] = (pixels[i] & 0xFF) / 255f;
        }
        System.arraycopy(StrokeTopology.features(pixels), 0, input, PIXELS, StrokeTopology.FEATURES);
        return input;
    }

    /** The hidden layer's activations (ReLU) for an input scaled to 0-1. */
    public float[] activations(float[] input) {
        var out = new float[hidden];
        for (int h = 0; h < hidden; h++) {
            float sum = hiddenBias[h];
            int row = h * inputs;
            for (int i = 0; i < inputs; i++) {
                sum += inputWeights[row + i] * input[i];
            }
            out[h] = Math.max(0f, sum);
        }
        return out;
    }

    /** The output (a sigmoid) from the hidden activations. */
    public double output(float[] activations) {
        double sum = outputBias[0];
        for (int h = 0; h < hidden; h++) {
            sum += outputWeights[h] * activations[h];
        }
        return 1 / (1 + Math.exp(-sum));
    }

    public static NonDigitDetector read(InputStream stream) throws IOException {
        var in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a non-digit detector's weights");
        }
        int inputs = in.readInt();
        int hidden = in.readInt();
        var detector = new NonDigitDetector(inputs, hidden, new float[inputs * hidden], new float[hidden], new float[hidden],
                new float[1]);
        for (var array : new float[][] {detector.inputWeights, detector.hiddenBias, detector.outputWeights, detector.outputBias}) {
            for (int i = 0; i < array.length; i++) {
                array[i] = in.readFloat();
            }
        }
        return detector;
    }

    public void write(OutputStream stream) throws IOException {
        var out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(inputs);
        out.writeInt(hidden);
        for (var array : new float[][] {inputWeights, hiddenBias, outputWeights, outputBias}) {
            for (float value : array) {
                out.writeFloat(value);
            }
        }
        out.flush();
    }
}
