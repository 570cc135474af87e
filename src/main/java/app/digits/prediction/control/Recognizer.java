package app.digits.prediction.control;

import app.digits.drawing.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.MnistNormalizer;
import app.digits.imaging.control.PngImages;
import app.digits.platform.control.ProblemException;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.DigitClassifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * The whole recognition of one drawing: decode it within the configured limits, normalize it the MNIST way,
 * ask the served model (taken once, so a hot swap never mixes two models in one answer), and store the
 * drawing with its prediction. Invalid input is rejected before anything is stored; a blank drawing is
 * stored and answered as "no digit" without asking the model.
 */
@ApplicationScoped
public class Recognizer {

    @Inject
    Drawings drawings;

    @Inject
    ModelRegistry registry;

    @Inject
    @ConfigProperty(name = "digits.upload.max-bytes", defaultValue = "2000000")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "digits.upload.max-pixels", defaultValue = "4000000")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "digits.drawings.original-max-side", defaultValue = "560")
    int originalMaxSide;

    private ImageDecoder decoder;

    @PostConstruct
    void init() {
        decoder = new ImageDecoder(maxBytes, maxPixels);
    }

    @Timed(name = "recognition", description = "Time to decode, normalize, classify and store a drawing")
    @Counted(name = "recognitions", description = "Drawings recognized")
    public Drawing recognize(DrawingInput input) {
        long start = System.nanoTime();
        byte[] original;
        InkMap ink;
        switch (input) {
            case DrawingInput.EncodedImage(byte[] bytes) -> {
                var image = decoder.decode(bytes);
                original = PngImages.within(image, originalMaxSide);
                ink = InkMap.of(image);
            }
            case DrawingInput.GreyLevels(int[] values) -> {
                var pixels = checkedGreyLevels(values);
                original = PngImages.greyLevels(pixels, MnistNormalizer.SIDE);
                ink = InkMap.ofGreyLevels(MnistNormalizer.SIDE, MnistNormalizer.SIDE, values);
            }
        }
        var normalized = MnistNormalizer.normalize(ink);
        Drawing drawing;
        if (normalized.isEmpty()) {
            drawing = Drawing.blank(original, millisSince(start));
        } else {
            var model = registry.served().orElseThrow(() -> ProblemException.unavailable(
                    "No model is served yet: the default model is still being trained, try again in a minute"));
            var probabilities = model.classifier().probabilities(normalized.get());
            drawing = Drawing.recognized(original, normalized.get(), DigitClassifier.mostLikely(probabilities),
                    probabilities, model.descriptor().id(), millisSince(start));
        }
        drawings.save(drawing);
        return drawing;
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
