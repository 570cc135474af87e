package app.digits.training.control;

import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import app.digits.drawing.control.LabelledDrawings;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ModelDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * One training run: read the training images (and, when asked, people's labelled drawings), fit the chosen
 * Smile classifier (MLP, logistic regression, decision tree or random forest), score it on the whole MNIST
 * test set, register it with its sidecar, and serve it when it beats the served model (or when none is
 * served). Progress is reported as it goes. Only one run at a time.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * What to train on and how: the algorithm, how many MNIST images (and whether people's labelled drawings
     * join them), the MLP's settings (whose seed also seeds the forest) and the forest's number of trees.
     */
    public record Request(Algorithm algorithm, int trainingImages, boolean includeDrawings,
                          SmileMlpTrainer.Settings settings, int trees) {
    }

    /** A fitted model with the name and hyperparameters its sidecar records. */
    private record Fitted(SmileClassifier classifier, String algorithm, Map<String, String> parameters) {
    }

    private static final double LOGISTIC_LAMBDA = 0.1;
    private static final int TREE_DEPTH = 20;

    @Inject
    MnistReader reader;

    @Inject
    LabelledDrawings labelledDrawings;

    @Inject
    ModelRegistry registry;

    @Inject
    TrainingProgress progress;

    public synchronized ModelDescriptor train(Request request) throws IOException {
        progress.update(TrainingProgress.Stage.READING, 0);
        var training = new ArrayList<LabelledImage>(reader.read(Split.TRAIN, request.trainingImages()));
        int drawings = 0;
        if (request.includeDrawings()) {
            var labelled = labelledDrawings.asTrainingImages();
            drawings = labelled.size();
            training.addAll(labelled);
        }
        int fromDrawings = drawings;
        LOG.info(() -> "Training " + request.algorithm().title() + " on " + training.size() + " images (" + fromDrawings
                + " of them people's drawings), " + request);
        long start = System.nanoTime();
        var fitted = fit(request, training);
        var classifier = fitted.classifier();
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.update(TrainingProgress.Stage.SCORING, 90);
        var test = reader.read(Split.TEST, Split.TEST.mnistSize());
        var report = Evaluation.evaluate(classifier, test);
        double accuracy = report.accuracy();
        var trainedAt = Instant.now();
        var parameters = new HashMap<>(fitted.parameters());
        parameters.put("peoplesDrawings", String.valueOf(drawings));
        var descriptor = registry.register(classifier, new ModelDescriptor(
                "smile-" + request.algorithm().key() + "-" + ID_TIME.format(trainedAt), fitted.algorithm(), "Smile", parameters,
                trainedAt.toString(), training.size(), seconds, test.size(), accuracy, report.confusion().macroF1(),
                report.confusion().counts(), report.rightAsBase64(), report.medianLatencyMicros(), null, 0, null));
        var served = registry.served();
        boolean better = served.isEmpty() || accuracy > served.get().descriptor().testAccuracy();
        if (better) {
            registry.serve(descriptor, classifier);
        }
        progress.stopped(better ? TrainingProgress.Stage.SERVED : TrainingProgress.Stage.KEPT, descriptor.id(),
                String.format(Locale.ROOT, "%.2f", 100 * accuracy));
        LOG.info(() -> String.format("Model %s: %.2f%% accuracy on %d MNIST test images, trained in %.0f s%s",
                descriptor.id(), 100 * accuracy, test.size(), seconds, better ? ", served" : ""));
        return descriptor;
    }

    private Fitted fit(Request request, List<LabelledImage> training) {
        var settings = request.settings();
        return switch (request.algorithm()) {
            case MLP -> {
                var epochs = String.valueOf(settings.epochs());
                progress.update(TrainingProgress.Stage.TRAINING, 5, "1", epochs);
                var mlp = SmileMlpTrainer.train(training, settings, epoch -> progress.update(TrainingProgress.Stage.TRAINING,
                        5 + 85 * epoch / settings.epochs(), String.valueOf(Math.min(epoch + 1, settings.epochs())), epochs));
                yield new Fitted(mlp, "Multilayer perceptron 784-" + settings.hiddenUnits() + "-10", settings.asParameters());
            }
            case LOGISTIC_REGRESSION -> {
                progress.update(TrainingProgress.Stage.TRAINING, 5, "1", "1");
                yield new Fitted(SmileTrainers.logisticRegression(training, LOGISTIC_LAMBDA), "Logistic regression",
                        Map.of("lambda", String.valueOf(LOGISTIC_LAMBDA)));
            }
            case DECISION_TREE -> {
                progress.update(TrainingProgress.Stage.TRAINING, 5, "1", "1");
                yield new Fitted(SmileTrainers.decisionTree(training, TREE_DEPTH), "Decision tree",
                        Map.of("maxDepth", String.valueOf(TREE_DEPTH)));
            }
            case RANDOM_FOREST -> {
                progress.update(TrainingProgress.Stage.TRAINING, 5, "1", "1");
                yield new Fitted(SmileTrainers.randomForest(training, request.trees(), settings.seed()),
                        "Random forest, " + request.trees() + " trees",
                        Map.of("trees", String.valueOf(request.trees()), "seed", String.valueOf(settings.seed())));
            }
        };
    }
}
