package app.digits.prediction.control;

import app.digits.imaging.control.UploadLimits;
import app.digits.prediction.entity.Drawing;
import app.digits.prediction.entity.DigitReading;
import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.PngImages;
import app.digits.imaging.control.WorkingInk;
import app.digits.platform.control.ProblemException;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ServedModel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The whole recognition of a drawing, of one digit or of a whole number: decode it within the configured
 * limits, normalize it the MNIST way (each digit of a number on its own), ask the served model (taken once,
 * so a hot swap never mixes two models in one answer). It classifies only: the caller decides whether the
 * drawing is kept (the API and the pages store what people send, the captcha and the live preview do not).
 * Invalid input is rejected with a problem; a blank drawing is answered as "no digit" without asking the model,
 * and a single-digit drawing that is not one digit ({@link Refusals}) with the model's probabilities but no digit.
 */
@ApplicationScoped
public class Recognizer {

    public static final int MAX_DIGITS = 10;

    @Inject
    ModelRegistry registry;

    @Inject
    RecognitionCapacity capacity;

    @Inject
    Refusals refusals;

    @Inject
    InferenceBatcher batcher;

    @Inject
    UploadLimits uploads;

    @Inject
    @ConfigProperty(name = "digits.drawings.original-max-side", defaultValue = "560")
    int originalMaxSide;

    private ImageDecoder decoder;

    @PostConstruct
    void init() {
        decoder = uploads.decoder();
    }

    /**
     * Reads a single digit. The drawing is decoded, normalized and looked at by the refusal judge inside the
     * bulkhead, which bounds how many large images are in memory at once; only the 28x28 image then waits for
     * its turn in the model's next batch.
     */
    public Drawing recognize(DrawingInput input) {
        long start = System.nanoTime();
        var read = capacity.call(() -> readDigit(input));
        if (read.pixels() == null) {
            return Drawing.blank(read.original(), millisSince(start));
        }
        var model = servedModel();
        var probabilities = batcher.probabilities(model.classifier(), read.pixels());
        return refusals.of(read.evidence(), probabilities)
                .map(refusal -> Drawing.refused(read.original(), read.pixels(), refusal.key(), probabilities,
                        model.descriptor().id(), millisSince(start)))
                .orElseGet(() -> Drawing.recognized(read.original(), read.pixels(), DigitClassifier.mostLikely(probabilities),
                        probabilities, model.descriptor().id(), millisSince(start)));
    }

    /** A single-digit drawing ready for the model: its stored original, the 28x28 image (null when blank), what its ink showed. */
    private record DigitRead(byte[] original, byte[] pixels, DigitJudge.InkEvidence evidence) {
    }

    private DigitRead readDigit(DrawingInput input) {
        var drawing = prepare(input, WorkingInk::digit);
        var ink = drawing.ink().ink();
        var normalized = MnistNormalizer.normalize(ink);
        return normalized.map(pixels -> new DigitRead(drawing.original(), pixels, refusals.inkOf(ink, pixels)))
                .orElseGet(() -> new DigitRead(drawing.original(), null, null));
    }

    /**
     * Reads a whole number: the drawing is cut into digits left to right where the served model reads the
     * digits best, each normalized and classified on its own. More than {@value #MAX_DIGITS} digits is refused.
     */
    public Drawing recognizeNumber(DrawingInput input) {
        return capacity.call(() -> recognizeDigits(input));
    }

    private Drawing recognizeDigits(DrawingInput input) {
        long start = System.nanoTime();
        var drawing = prepare(input, WorkingInk::number);
        var model = servedModel();
        var working = drawing.ink();
        var pieces = DigitSegmenter.segment(working.ink(), refusals.pieceSureness(model.classifier()));
        if (pieces.size() > MAX_DIGITS) {
            throw ProblemException.badRequest("The drawing holds " + pieces.size() + " separate marks; a number has at most "
                    + MAX_DIGITS + " digits", "problem.too-many-digits");
        }
        var readings = new ArrayList<DigitReading>();
        for (var piece : pieces) {
            var normalized = MnistNormalizer.normalize(piece.ink());
            if (normalized.isPresent()) {
                var probabilities = model.classifier().probabilities(normalized.get());
                int left = working.across(piece.left());
                int top = working.down(piece.top());
                readings.add(new DigitReading(DigitClassifier.mostLikely(probabilities), probabilities, normalized.get(),
                        left, top, working.across(piece.left() + piece.width()) - left, working.down(piece.top() + piece.height()) - top));
            }
        }
        return readings.isEmpty()
                ? Drawing.blank(drawing.original(), millisSince(start))
                : Drawing.number(drawing.original(), readings, model.descriptor().id(), millisSince(start));
    }

    /** The drawing as stored and its ink at the working resolution; positions on it are mapped back to the drawing's pixels. */
    private record Prepared(byte[] original, WorkingInk ink) {
    }

    private Prepared prepare(DrawingInput input, Function<BufferedImage, WorkingInk> working) {
        return switch (input) {
            case DrawingInput.EncodedImage(byte[] bytes) -> {
                var image = decoder.decode(bytes);
                yield new Prepared(PngImages.original(bytes, image, originalMaxSide), working.apply(image));
            }
            case DrawingInput.GreyLevels(int[] values) -> new Prepared(
                    PngImages.greyLevels(checkedGreyLevels(values), MnistNormalizer.SIDE),
                    WorkingInk.of(InkMap.ofGreyLevels(MnistNormalizer.SIDE, MnistNormalizer.SIDE, values)));
        };
    }

    private ServedModel servedModel() {
        return registry.served().orElseThrow(() -> ProblemException.unavailable(
                "No model is served yet: the default model is still being trained, try again in a minute",
                Duration.ofSeconds(30)));
    }

    private static byte[] checkedGreyLevels(int[] values) {
        int expected = MnistNormalizer.SIDE * MnistNormalizer.SIDE;
        if (values.length != expected) {
            throw ProblemException.badRequest("Expected " + expected + " pixel values (28x28), got " + values.length);
        }
        var pixels = new byte[expected];
        for (int i = 0; i < expected; i++) {
            if (values[i] < 0 || values[i] > 255) {
                throw ProblemException.badRequest("Pixel " + i + " is " + values[i] + "; values must be 0-255");
            }
            pixels[i] = (byte) values[i];
        }
        return pixels;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
