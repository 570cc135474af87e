package app.digits.registry.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What serving needs from any trained model, whatever library made it: the probability of each digit for a
 * normalized 28x28 image. Each library's adapter implements it, so serving never imports a library.
 */
public interface DigitClassifier extends Serializable {

    /** Ten probabilities summing to 1 for grey levels 0-255 (ink high), 784 of them, row-major. */
    double[] probabilities(byte[] pixels);

    /**
     * The probabilities of several images, in their order. One at a time by default; a model whose library
     * reads a batch in one pass for less than the sum of single passes (the CNN) overrides it.
     */
    default List<double[]> probabilities(List<byte[]> images) {
        var answers = new ArrayList<double[]>(images.size());
        for (var pixels : images) {
            answers.add(probabilities(pixels));
        }
        return answers;
    }

    /**
     * The model that weighs a number's candidate pieces, hundreds of them for one number: the model itself, unless
     * each of its reads costs several passes. An ensemble answers with one of its members, so the search costs one
     * pass a piece and only the digits it chose are read by the whole ensemble.
     */
    default DigitClassifier pieceWeigher() {
        return this;
    }

    /** How sure the model is of what it reads in the image: the highest of the ten probabilities. */
    default double sureness(byte[] pixels) {
        var probabilities = probabilities(pixels);
        return probabilities[mostLikely(probabilities)];
    }

    /** The digit with the highest probability. */
    static int mostLikely(double[] probabilities) {
        int best = 0;
        for (int digit = 1; digit < probabilities.length; digit++) {
            if (probabilities[digit] > probabilities[best]) {
                best = digit;
            }
        }
        return best;
    }
}
