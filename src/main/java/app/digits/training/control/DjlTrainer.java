package app.digits.training.control;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.Epoch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

/**
 * Trains a network (the CNN, the MLP, logistic regression) with DJL on PyTorch (CPU): Adam with a cosine-decaying learning rate, a
 * seeded run, on mini-batches that {@link CnnBatches} prepares on another thread (distorted like real writing,
 * see {@link CnnAugmentation}, or shifted) while PyTorch's intra-op threads use the cores for the forward and
 * backward passes. A tenth of the training images (at most 2,000) is held out, undistorted, to pick the best
 * epoch, whose weights are kept, and every epoch's mean loss and held-out accuracy is reported for the learning
 * curves; an epoch whose loss is not a finite number ends training (the weights fall back to the best epoch),
 * because a diverged network would otherwise be saved as the result.
 */
public final class DjlTrainer {

    private static final Logger LOG = Logger.getLogger(DjlTrainer.class.getName());
    private static final int SCORING_BATCH = 500;
    /** Two held-out images of 2,000: a later epoch this close to the best one is kept instead (see BestEpoch). */
    private static final double HELD_OUT_TOLERANCE = 0.001;

    /**
     * One training run's network and schedule, as {@link CnnSettings}, {@link MlpSettings} and
     * {@link LogisticSettings} ask for it; {@code weightDecay} is Adam's L2 penalty on the mean loss.
     */
    record Run(DjlNetwork network, int epochs, int batchSize, float learningRate, CnnBatches.Augmentation augmentation,
               float weightDecay) {
    }

    private DjlTrainer() {
    }

    static CnnClassifier train(List<LabelledImage> images, Run settings, long seed, Learner.Progress progress) {
        return DjlRuntime.withKernelThreads(Runtime.getRuntime().availableProcessors(), () -> trainOnCores(images, settings, seed, progress));
    }

    private static CnnClassifier trainOnCores(List<LabelledImage> images, Run settings, long seed, Learner.Progress progress) {
        var random = new Random(seed);
        var order = Shuffle.permutation(images.size(), random);
        int held = Math.min(2_000, images.size() / 10);
        var validation = new ArrayList<LabelledImage>();
        var training = new ArrayList<LabelledImage>();
        for (int i = 0; i < order.length; i++) {
            (i < held ? validation : training).add(images.get(order[i]));
        }
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        int steps = (training.size() + settings.batchSize() - 1) / settings.batchSize();
        var optimizer = Optimizer.adam().optLearningRateTracker(Tracker.cosine().setBaseValue(settings.learningRate())
                .optFinalValue(settings.learningRate() / 50).setMaxUpdates(Math.max(1, steps * settings.epochs())).build())
                .optWeightDecays(settings.weightDecay()).build();
        var config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
        try (var model = Model.newInstance(settings.network().kind(), "PyTorch")) {
            model.setBlock(settings.network().build());
            try (var trainer = model.newTrainer(config);
                 var batches = new CnnBatches(training, settings.epochs(), settings.batchSize(), settings.augmentation(), random.nextLong())) {
                trainer.initialize(new Shape(settings.batchSize(), 1, CnnInputs.SIDE, CnnInputs.SIDE));
                var best = new BestEpoch(HELD_OUT_TOLERANCE);
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    long start = System.nanoTime();
                    double loss = epoch(trainer, batches);
                    double accuracy = held == 0 || !Double.isFinite(loss) ? epoch : accuracy(trainer, validation);
                    int done = epoch;
                    if (!best.offer(epoch, loss, accuracy, () -> weights(model))) {
                        LOG.warning(() -> settings.network().kind() + " loss diverged in epoch " + done + ": keeping the best earlier epoch");
                        break;
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    LOG.info(() -> String.format("%s epoch %d: loss %.4f, held-out accuracy %.4f, %.1f s", settings.network().kind(), done, loss,
                            accuracy, seconds));
                    progress.epochDone(new Epoch(epoch, loss, held == 0 ? 0 : accuracy), settings.epochs());
                }
                LOG.info(() -> settings.network().kind() + " keeps epoch " + best.epoch());
                return new CnnClassifier(settings.network(), best.weights());
            }
        }
    }

    private static double epoch(Trainer trainer, CnnBatches batches) {
        double lossSum = 0;
        int count = 0;
        for (var next = batches.next(); next.isPresent(); next = batches.next()) {
            var batch = next.get();
            try (NDManager arrays = trainer.getManager().newSubManager();
                 var collector = trainer.newGradientCollector()) {
                var x = arrays.create(batch.pixels(), new Shape(batch.size(), 1, CnnInputs.SIDE, CnnInputs.SIDE));
                var y = arrays.create(batch.labels(), new Shape(batch.size()));
                var predictions = trainer.forward(new NDList(x));
                var loss = trainer.getLoss().evaluate(new NDList(y), predictions);
                collector.backward(loss);
                lossSum += loss.getFloat();
                count++;
            }
            trainer.step();
        }
        return lossSum / Math.max(1, count);
    }

    private static double accuracy(Trainer trainer, List<LabelledImage> images) {
        int right = 0;
        for (int from = 0; from < images.size(); from += SCORING_BATCH) {
            int size = Math.min(SCORING_BATCH, images.size() - from);
            var pixels = new float[size * LabelledImage.PIXELS];
            for (int i = 0; i < size; i++) {
                CnnInputs.shifted(images.get(from + i).pixels(), 0, 0, pixels, i * LabelledImage.PIXELS);
            }
            try (NDManager batch = trainer.getManager().newSubManager()) {
                var x = batch.create(pixels, new Shape(size, 1, CnnInputs.SIDE, CnnInputs.SIDE));
                var predicted = trainer.getModel().getBlock().forward(new ParameterStore(batch, false), new NDList(x), false)
                        .singletonOrThrow().argMax(1).toLongArray();
                for (int i = 0; i < size; i++) {
                    if (predicted[i] == images.get(from + i).label()) {
                        right++;
                    }
                }
            }
        }
        return (double) right / images.size();
    }

    private static byte[] weights(Model model) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
