package app.digits.analysis.control;

import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import app.digits.platform.control.ProblemException;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data behind the exploration and error-analysis pages, the report and the slides, read from MongoDB and
 * the model registry once and kept: the training images (47 MB), their facts and mean images, and each
 * model's error analysis. Read again when the stored counts change. A model is the served one unless a page
 * names another.
 */
@ApplicationScoped
public class Analysis {

    private static final int EXAMPLES = 24;

    @Inject
    MnistReader reader;

    @Inject
    ModelRegistry registry;

    private volatile List<LabelledImage> train = List.of();
    private volatile DatasetFacts facts;
    private volatile double[][] means;
    private final Map<String, ErrorAnalysis> errors = new ConcurrentHashMap<>();
    private final Map<String, List<ErrorAnalysis.Example>> suspicious = new ConcurrentHashMap<>();

    public synchronized List<LabelledImage> training() {
        long stored = reader.count(Split.TRAIN);
        if (train.isEmpty() || train.size() != stored) {
            train = List.copyOf(reader.read(Split.TRAIN, (int) stored));
            facts = null;
            means = null;
        }
        return train;
    }

    public List<LabelledImage> test() {
        return reader.testSet();
    }

    public synchronized DatasetFacts facts() {
        var images = training();
        if (facts == null) {
            facts = DatasetFacts.of(images, test(), Split.TRAIN.mnistSize(), Split.TEST.mnistSize());
        }
        return facts;
    }

    public synchronized double[][] means() {
        var images = training();
        if (means == null) {
            means = MeanImages.of(images);
        }
        return means;
    }

    /** Training image {@code index} (0-based, in the stored order), or a 404 problem. */
    public LabelledImage image(int index) {
        var images = training();
        if (index < 0 || index >= images.size()) {
            throw ProblemException.notFound("There are " + images.size() + " training images; no image " + index);
        }
        return images.get(index);
    }

    /** The first {@code count} training images of {@code digit}. */
    public List<LabelledImage> firstOf(int digit, int count) {
        if (digit < 0 || digit > 9) {
            throw ProblemException.badRequest("A digit is 0 to 9, got " + digit);
        }
        return training().stream().filter(image -> image.label() == digit).limit(count).toList();
    }

    /**
     * The error analysis of a model (the served one when {@code modelId} is null or blank), computed once: a
     * model that is not served is loaded from disk only the first time.
     */
    public ErrorAnalysis errors(String modelId) {
        var id = modelId == null || modelId.isBlank() ? model(null).descriptor().id() : modelId;
        var cached = errors.get(id);
        if (cached != null) {
            return cached;
        }
        var model = model(id);
        return errors.computeIfAbsent(id, key -> ErrorAnalysis.of(model.descriptor(), test(), model.classifier(), EXAMPLES));
    }

    /**
     * Training images whose label the served model contradicts with at least 99 % confidence, most confident
     * first: candidates for a wrong label (or for a digit nobody could read). Computed once per model.
     */
    public List<ErrorAnalysis.Example> suspiciousLabels() {
        var model = model(null);
        return suspicious.computeIfAbsent(model.descriptor().id(), id -> {
            var images = training();
            var found = new java.util.ArrayList<ErrorAnalysis.Example>();
            for (int i = 0; i < images.size(); i++) {
                var probabilities = model.classifier().probabilities(images.get(i).pixels());
                int read = app.digits.registry.entity.DigitClassifier.mostLikely(probabilities);
                if (read != images.get(i).label() && probabilities[read] >= 0.99) {
                    found.add(new ErrorAnalysis.Example(i, images.get(i), read, probabilities[read]));
                }
            }
            found.sort(java.util.Comparator.comparingDouble(ErrorAnalysis.Example::confidence).reversed());
            return List.copyOf(found);
        });
    }

    public ServedModel model(String modelId) {
        try {
            if (modelId == null || modelId.isBlank()) {
                return registry.served().orElseThrow(() -> ProblemException.unavailable("No model is served yet"));
            }
            return registry.model(modelId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (IOException e) {
            var problem = ProblemException.unavailable("Model " + modelId + " cannot be loaded from its file");
            problem.initCause(e);
            throw problem;
        }
    }
}
