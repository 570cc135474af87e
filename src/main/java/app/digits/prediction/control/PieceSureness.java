package app.digits.prediction.control;

import app.digits.imaging.control.DigitSegmenter;
import app.digits.registry.entity.DigitClassifier;
import java.util.List;

/**
 * How sure the number reader is that a candidate piece of a number is one well-cut digit: the served model's
 * sureness times the {@link NonDigitDetector}'s digit-likeness. The model alone is too sure of slivers: a CNN
 * reads a cut-off stroke or half a 0 as a "1" or a "7" at 0.9999, so cutting digits apart scored better than
 * keeping them whole, and the CNNs read only 74 % (default) and 45 % (augmented) of the numbers whose digits
 * stand apart, against 87 % for the MLP. The detector, trained on whole digits against strokes, scribbles and
 * two digits side by side, does not depend on the served model and knows a sliver from a digit. With the
 * product, the augmented CNN read 57 of 60 such numbers instead of 26 (the MLP 53 instead of 49). Neither knows
 * two touching digits cut out as one piece: the model read "41" as a 4 at 0.999 and two 1s side by side as a 0,
 * and the non-digit detector let them pass, so a third factor is the touching-digits detector's digit-likeness
 * ({@link NonDigitDetector#touching}): of 150 touching numbers the CNN of 2026-11-27 read 113 instead of 99.
 * The model's part comes from its {@link DigitClassifier#pieceWeigher}: one member of an ensemble.
 */
public final class PieceSureness {

    private PieceSureness() {
    }

    /** The three factors' product; the model reads a number's candidate pieces in batches (the CNN's batched pass). */
    public static DigitSegmenter.Sureness of(DigitClassifier model, NonDigitDetector detector, NonDigitDetector touching) {
        var weigher = model.pieceWeigher();
        return new DigitSegmenter.Sureness() {
            @Override
            public double of(byte[] pixels) {
                return of(List.of(pixels))[0];
            }

            @Override
            public double[] of(List<byte[]> images) {
                var probabilities = weigher.probabilities(images);
                var sureness = new double[images.size()];
                for (int i = 0; i < sureness.length; i++) {
                    var input = NonDigitDetector.Input.of(images.get(i));
                    var read = probabilities.get(i);
                    sureness[i] = read[DigitClassifier.mostLikely(read)] * (1 - detector.nonDigit(input)) * (1 - touching.nonDigit(input));
                }
                return sureness;
            }
        };
    }
}
