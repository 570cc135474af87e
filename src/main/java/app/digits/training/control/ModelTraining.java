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
import java.util.Locale;
import java.util.logging.Logger;

/**
 * One training run of the Smile MLP: read the training images (and, when asked, people's labelled drawings),
 * train, score on the whole MNIST test set, register the model with its sidecar, and serve it when it beats
 * the served model (or when none is served). Progress is reported as it goes. Only one run at a time.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** What to train on and how. */
    public record Request(int trainingImages, boolean includeDrawings, SmileMlpTrainer.Settings settings) {
    }

    @Inject
    MnistReader reader;

    @Inject
    LabelledDrawings labelledDrawings;

    @Inject
    ModelRegistry registry;

    @Inject
    TrainingProgress progress;

    public synchronized ModelDescriptor train(Request request) throws IOException {
        var settings = request.settings();
        progress.update(TrainingProgress.Stage.READING, 0);
        var training = new ArrayList<LabelledImage>(reader.read(Split.TRAIN, request.trainingImages()));
        int drawings = 0;
        if (request.includeDrawings()) {
            var labelled = labelledDrawings.asTrainingImages();
            drawings = labelled.size();
            training.addAll(labelled);
        }
        int fromDrawings = drawings;
        LOG.info(() -> "Training a Smile MLP on " + training.size() + " images (" + fromDrawings + " of them people's drawings), " + settings);
        long start = System.nanoTime();
        var epochs = String.valueOf(settings.epochs());
        progress.update(TrainingProgress.Stage.TRAINING, 5, "1", epochs);
        var classifier = SmileMlpTrainer.train(training, settings, epoch -> {
            int percent = 5 + 85 * epoch / settings.epochs();
            if (epoch < settings.epochs()) {
                progress.update(TrainingProgress.Stage.TRAINING, percent, String.valueOf(epoch + 1), epochs);
            } else {
                progress.update(TrainingProgress.Stage.SCORING, percent);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        var test = reader.read(Split.TEST, Split.TEST.mnistSize());
        var report = Evaluation.evaluate(classifier, test);
        double accuracy = report.accuracy();
        var trainedAt = Instant.now();
        var parameters = new HashMap<>(settings.asParameters());
        parameters.put("peoplesDrawings", String.valueOf(drawings));
        var descriptor = registry.register(classifier, new ModelDescriptor("smile-mlp-" + ID_TIME.format(trainedAt),
                "Multilayer perceptron 784-" + settings.hiddenUnits() + "-10", "Smile", parameters,
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
}
