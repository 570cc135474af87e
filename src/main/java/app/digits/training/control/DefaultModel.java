package app.digits.training.control;

import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.Split;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ModelDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation serves a real model: when the registry has none, it trains a Smile MLP on
 * {@code mnist_train} (read through JNoSQL, page by page), scores it on {@code mnist_test}, saves it with its
 * sidecar and serves it. The size of the run is configurable so tests can train on a subset.
 */
@ApplicationScoped
public class DefaultModel {

    private static final Logger LOG = Logger.getLogger(DefaultModel.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    ModelRegistry registry;

    @Inject
    MnistReader reader;

    @Inject
    TrainingProgress progress;

    @Inject
    @ConfigProperty(name = "digits.default-model.training-images", defaultValue = "60000")
    int trainingImages;

    @Inject
    @ConfigProperty(name = "digits.default-model.epochs", defaultValue = "4")
    int epochs;

    @Inject
    @ConfigProperty(name = "digits.default-model.hidden-units", defaultValue = "256")
    int hiddenUnits;

    @Inject
    @ConfigProperty(name = "digits.default-model.seed", defaultValue = "42")
    long seed;

    /** Trains and serves the default model unless a model is served already. */
    public void ensureServed() throws IOException {
        if (registry.served().isPresent()) {
            return;
        }
        progress.update("reading the training images", 0);
        var training = reader.read(Split.TRAIN, trainingImages);
        var settings = new SmileMlpTrainer.Settings(hiddenUnits, epochs, 64, 0.1, 0.9, seed);
        LOG.info(() -> "No model yet: training the default Smile MLP on " + training.size() + " images, " + settings);
        long start = System.nanoTime();
        progress.update("training: epoch 1 of " + epochs, 5);
        var classifier = SmileMlpTrainer.train(training, settings, epoch -> progress.update(
                epoch < epochs ? "training: epoch " + (epoch + 1) + " of " + epochs : "scoring on the test set",
                5 + 85 * epoch / epochs));
        double seconds = (System.nanoTime() - start) / 1e9;
        var test = reader.read(Split.TEST, Split.TEST.mnistSize());
        double accuracy = Evaluation.accuracy(classifier, test);
        var trainedAt = Instant.now();
        var descriptor = new ModelDescriptor("smile-mlp-" + ID_TIME.format(trainedAt),
                "Multilayer perceptron 784-" + hiddenUnits + "-10", "Smile", settings.asParameters(),
                trainedAt.toString(), training.size(), seconds, test.size(), accuracy, null, null);
        var saved = registry.register(classifier, descriptor);
        registry.serve(saved, classifier);
        progress.stopped("done");
        LOG.info(() -> String.format("Default model %s: %.2f%% accuracy on %d MNIST test images, trained in %.0f s",
                saved.id(), 100 * accuracy, test.size(), seconds));
    }
}
