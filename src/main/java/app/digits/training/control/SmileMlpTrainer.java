package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.Epoch;
import java.util.List;
import java.util.Random;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;

/**
 * Trains a Smile multilayer perceptron (784 inputs, one ReLU hidden layer, softmax output) with shuffled
 * mini-batch SGD and momentum, the learning rate decaying linearly to a tenth over the run. Seeded, so the
 * same images and settings give the same model. It is the default model's trainer: a good accuracy/time
 * trade-off on two cores. As for the CNN, a tenth of the images (at most 2,000) is held out to draw the
 * learning curves: after each epoch, the cross-entropy on up to 2,000 training images (Smile's update does
 * not return its loss) and the accuracy on the held-out ones.
 */
public final class SmileMlpTrainer {

    private static final int CURVE_IMAGES = 2_000;

    /** The hyperparameters of one run. */
    public record Settings(int hiddenUnits, int epochs, int batchSize, double learningRate, double momentum)
            implements AlgorithmSettings {
        static final Settings DEFAULTS = new Settings(256, 4, 64, 0.1, 0.9);

        public Settings {
            TrainingException.requireBetween(hiddenUnits, 1, 4_096, "hiddenUnits");
            TrainingException.requireBetween(epochs, 1, 100, "epochs");
            TrainingException.requireBetween(batchSize, 1, 1_024, "batchSize");
            TrainingException.requireBetween(learningRate, 1e-6, 10, "learningRate");
            TrainingException.requireBetween(momentum, 0, 0.99, "momentum");
        }

        static Settings of(Hyperparameters p) {
            return new Settings(p.integer("hiddenUnits"), p.integer("epochs"), p.integer("batchSize"), p.decimal("learningRate"),
                    p.decimal("momentum"));
        }

        @Override
        public SmileClassifier fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
            return train(images, this, seed, progress);
        }

        @Override
        public Hyperparameters values() {
            return Hyperparameters.of("hiddenUnits", hiddenUnits, "epochs", epochs, "batchSize", batchSize, "learningRate",
                    learningRate, "momentum", momentum);
        }
    }

    private SmileMlpTrainer() {
    }

    /** Trains on {@code images}, reporting each finished epoch to {@code progress}. */
    public static SmileClassifier train(List<LabelledImage> images, Settings settings, long seed, Learner.Progress progress) {
        var random = new Random(seed);
        var shuffled = Shuffle.permutation(images.size(), random);
        int held = Math.min(CURVE_IMAGES, images.size() / 10);
        int n = images.size() - held;
        var x = new double[images.size()][];
        var y = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            var image = images.get(shuffled[i]);
            x[i] = SmileClassifier.features(image.pixels());
            y[i] = image.label();
        }
        MathEx.setSeed(seed);
        var network = new MLP(Layer.input(LabelledImage.PIXELS), Layer.rectifier(settings.hiddenUnits()),
                Layer.mle(10, OutputFunction.SOFTMAX));
        int steps = Math.max(1, settings.epochs() * ((n + settings.batchSize() - 1) / settings.batchSize()));
        network.setLearningRate(TimeFunction.linear(settings.learningRate(), steps, settings.learningRate() / 10));
        network.setMomentum(TimeFunction.constant(settings.momentum()));
        var order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = held + i;
        }
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
            progress.epochDone(new Epoch(epoch, loss(network, x, y, held, Math.min(CURVE_IMAGES, n)),
                    held == 0 ? 0 : accuracy(network, x, y, 0, held)), settings.epochs());
        }
        return SmileClassifier.ofVectors(network);
    }

    /** Mean cross-entropy on images {@code from} to {@code from + count}. */
    private static double loss(MLP network, double[][] x, int[] y, int from, int count) {
        var posteriori = new double[10];
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            network.predict(x[i], posteriori);
            sum -= Math.log(Math.max(1e-12, posteriori[y[i]]));
        }
        return sum / Math.max(1, count);
    }

    private static double accuracy(MLP network, double[][] x, int[] y, int from, int count) {
        int right = 0;
        for (int i = from; i < from + count; i++) {
            right += network.predict(x[i]) == y[i] ? 1 : 0;
        }
        return (double) right / count;
    }
}
