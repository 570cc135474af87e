package app.digits.robustness.control;

import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.WorkingInk;
import app.digits.prediction.control.NonDigitDetector;
import app.digits.prediction.control.PieceSureness;
import app.digits.prediction.control.Recognizer;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.entity.Sample;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A sample on its way to the model, through the same steps and classes as a request to
 * {@code POST /api/predictions} (the {@code Recognizer}): bounded decoding, ink extraction at the working
 * resolution of a digit or of a number ({@code WorkingInk}), then MNIST
 * normalization of the whole drawing for a digit, or segmentation and normalization of each piece for a
 * number. A digit's input does not depend on the model, so it is computed once and scored by every model; a
 * number is cut by recognition, so each model cuts it its own way.
 */
public final class Pipeline {

    private final ImageDecoder decoder;
    private final NonDigitDetector detector = NonDigitDetector.shipped();
    private final NonDigitDetector touching = NonDigitDetector.touching();

    public Pipeline(long maxBytes, long maxPixels) {
        decoder = new ImageDecoder(maxBytes, maxPixels);
    }

    /** The 28x28 inputs the model would see, none when the drawing is blank; {@code refused} when the server would refuse it. */
    public record Prepared(List<byte[]> inputs, boolean refused) {

        public boolean blank() {
            return inputs.isEmpty() && !refused;
        }
    }

    /** A single digit's input. */
    public Prepared digit(Sample sample) {
        return new Prepared(MnistNormalizer.normalize(WorkingInk.digit(image(sample)).ink()).map(List::of).orElse(List.of()), false);
    }

    /**
     * One input per digit of a number, cut where the model reads the digits best (weighed as the server weighs
     * them, {@link PieceSureness}); refused when it holds more pieces than a number has.
     */
    public Prepared number(Sample sample, DigitClassifier model) {
        var pieces = DigitSegmenter.segment(WorkingInk.number(image(sample)).ink(), PieceSureness.of(model, detector, touching));
        if (pieces.size() > Recognizer.MAX_DIGITS) {
            return new Prepared(List.of(), true);
        }
        return new Prepared(pieces.stream().flatMap(piece -> MnistNormalizer.normalize(piece.ink()).stream()).toList(), false);
    }

    private BufferedImage image(Sample sample) {
        return decoder.decode(sample.image());
    }
}
