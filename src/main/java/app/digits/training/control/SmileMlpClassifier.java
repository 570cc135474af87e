package app.digits.training.control;

import app.digits.registry.entity.DigitClassifier;
import smile.classification.MLP;

/**
 * The adapter between a Smile multilayer perceptron and serving: it scales grey levels to [0, 1] the same
 * way in training and prediction, and reads the softmax output as probabilities. Smile's MLP keeps its
 * per-call buffers thread-local, so one instance serves concurrent requests.
 */
public final class SmileMlpClassifier implements DigitClassifier {

    private static final long serialVersionUID = 1L;

    private final MLP network;

    SmileMlpClassifier(MLP network) {
        this.network = network;
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        var probabilities = new double[10];
        network.predict(features(pixels), probabilities);
        return probabilities;
    }

    static double[] features(byte[] pixels) {
        var features = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = (pixels[i] & 0xFF) / 255.0;
        }
        return features;
    }
}
