package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;

/**
 * Trains a Smile multilayer perceptron (784 inputs, one ReLU hidden layer, softmax output) with shuffled
 * mini-batch SGD and momentum, the learning rate decaying linearly to a tenth over the run. Seeded, so the
 * same images and settings give the same model. It is the default model's trainer: a good accuracy/time
 * trade-off on two cores.
 */
public final class SmileMlpTrainer {

    /** The hyperparameters of one run. */
    public record Settings(int hiddenUnits, int epochs, int batchSize, double learningRate, double momentum, long seed) {

        public Map<String, String> asParameters() {
            return Map.of("hiddenUnits", String.valueOf(hiddenUnits), "epochs", String.valueOf(epochs),
                    "batchSize", String.valueOf(batchSize), "learningRate", String.valueOf(learningRate),
                    "momentum", String.valueOf(momentum), "seed", String.valueOf(seed));
        }
    }

    private SmileMlpTrainer() {
    }

    /** Trains on {@code images}, reporting each finished epoch (1-based) to {@code epochDone}. */
    public static SmileClassifier train(List<LabelledImage> images, Settings settings, IntConsumer epochDone) {
        int n = images.size();
        var x = new double[n][];
        var y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = SmileClassifier.features(images.get(i).pixels());
            y[i] = images.get(i).label();
        }
        MathEx.setSeed(settings.seed());
        var network = new MLP(Layer.input(LabelledImage.PIXELS), Layer.rectifier(settings.hiddenUnits()),
                Layer.mle(10, OutputFunction.SOFTMAX));
        int steps = Math.max(1, settings.epochs() * ((n + settings.batchSize() - 1) / settings.batchSize()));
        network.setLearningRate(TimeFunction.linear(settings.learningRate(), steps, settings.learningRate() / 10));
        network.setMomentum(TimeFunction.constant(settings.momentum()));
        var order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        var random = new Random(settings.seed());
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            Shuffle.inPlace(order, random);
            for (int from = 0; from < n; from += settings.batchSize()) {
                int size = Math.min(settings.batchSize(), n - from);
                var batchX = new double[size][];
                var batchY = new int[size];
                for (int i = 0; i < size; i++) {
                    batchX[i] = x[order[from + i]];
                    batchY[i] = y[order[from + i]];
                }
                network.update(batchX, batchY);
            }
            epochDone.accept(epoch);
        }
        return SmileClassifier.ofVectors(network);
    }
}
