package app.digits.analysis.control;

import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import app.digits.platform.control.ProblemException;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.control.ModelServed;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The data behind the exploration and error-analysis pages, the report and the slides: the training images
 * (47 MB, read once and kept), their facts and mean images, each model's error analysis and suspicious
 * labels. What takes seconds to compute is stored ({@link AnalysisStore}) and prepared as soon as a model is
 * served ({@link ModelServed}), so no page computes it while a person waits. Read again when the stored
 * counts change. A model is the served one unless a page names another.
 */
@ApplicationScoped
public class Analysis {

    private static final Logger LOG = Logger.getLogger(Analysis.class.getName());
    private static final int EXAMPLES = 24;
    private static final double SUSPICIOUS_CONFIDENCE = 0.99;

    @Inject
    MnistReader reader;

    @Inject
    ModelRegistry registry;

    @Inject
    AnalysisStore store;

    private volatile List<LabelledImage> train = List.of();
    private volatile DatasetProfile profile;
    private final Map<String, ErrorAnalysis> errors = new ConcurrentHashMap<>();
    private final Map<String, List<AnalysisStore.Suspicion>> suspicious = new ConcurrentHashMap<>();

    /** Prepares everything the pages show for the model now served, in the background. */
    void prepare(@ObservesAsync ModelServed served) {
        try {
            long start = System.nanoTime();
            facts();
            training();
            errors(served.modelId());
            suspiciousLabels();
            LOG.info(() -> "Analysis of " + served.modelId() + " ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not prepare the analysis of " + served.modelId() + "; the pages will compute it", e);
        }
    }

    public synchronized List<LabelledImage> training() {
        long stored = reader.count(Split.TRAIN);
        if (train.isEmpty() || train.size() != stored) {
            train = List.copyOf(reader.read(Split.TRAIN, (int) stored));
        }
        return train;
    }

    public List<LabelledImage> test() {
        return reader.testSet();
    }

    public DatasetFacts facts() {
        return profile().facts();
    }

    public double[][] means() {
        return profile().means();
    }

    private synchronized DatasetProfile profile() {
        long trainCount = reader.count(Split.TRAIN);
        long testCount = reader.count(Split.TEST);
        var current = profile;
        if (current != null && current.facts().storedTrain() == trainCount && current.facts().storedTest() == testCount) {
            return current;
        }
        current = store.profile(trainCount, testCount).orElseGet(() -> {
            var images = training();
            var computed = new DatasetProfile(DatasetFacts.of(images, test(), Split.TRAIN.mnistSize(), Split.TEST.mnistSize()),
                    MeanImages.of(images));
            store.saveProfile(trainCount, testCount, computed);
            return computed;
        });
        profile = current;
        return current;
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
     * first: candidates for a wrong label (or for a digit nobody could read). Computed once per model and
     * stored.
     */
    public List<ErrorAnalysis.Example> suspiciousLabels() {
        var model = model(null);
        var images = training();
        var found = suspicious.computeIfAbsent(model.descriptor().id(), id -> store.suspicions(id, images.size()).orElseGet(() -> {
            var computed = new ArrayList<AnalysisStore.Suspicion>();
            for (int i = 0; i < images.size(); i++) {
                var probabilities = model.classifier().probabilities(images.get(i).pixels());
                int read = DigitClassifier.mostLikely(probabilities);
                if (read != images.get(i).label() && probabilities[read] >= SUSPICIOUS_CONFIDENCE) {
                    computed.add(new AnalysisStore.Suspicion(i, read, probabilities[read]));
                }
            }
            computed.sort(Comparator.comparingDouble(AnalysisStore.Suspicion::confidence).reversed());
            store.saveSuspicions(id, images.size(), computed);
            return List.copyOf(computed);
        }));
        return found.stream().filter(s -> s.index() < images.size())
                .map(s -> new ErrorAnalysis.Example(s.index(), images.get(s.index()), s.predicted(), s.confidence())).toList();
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
