package app.digits.robustness.control;

import app.digits.dataset.control.MnistReader;
import app.digits.imaging.control.UploadLimits;
import app.digits.platform.control.ProblemException;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.entity.RobustnessTable;
import app.digits.robustness.entity.SetScore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Measures the robustness table of every registered model in the background (one measurement at a time:
 * generating and decoding the sets is the costly part, shared by all models; the models are loaded one at a
 * time) and keeps one document per
 * model and benchmark version in the {@code robustness} collection, so a new version of the generators
 * never mixes with old figures. Sizes are bounded by configuration.
 */
@ApplicationScoped
public class RobustnessTables {

    static final String COLLECTION = "robustness";
    private static final Logger LOG = Logger.getLogger(RobustnessTables.class.getName());

    /** Whether a measurement runs, on which set, when it started, and why the last one failed if it did. */
    public record Status(boolean running, String step, String startedAt, String error) {
    }

    @Inject
    ModelRegistry registry;

    @Inject
    MnistReader mnist;

    @Inject
    MongoDatabase database;

    @Resource
    ManagedExecutorService executor;

    @Inject
    UploadLimits uploads;

    @Inject
    @ConfigProperty(name = "digits.robustness.max-digits", defaultValue = "2000")
    int maxDigits;

    @Inject
    @ConfigProperty(name = "digits.robustness.max-numbers", defaultValue = "1000")
    int maxNumbers;

    private final AtomicReference<Status> status = new AtomicReference<>(new Status(false, "", "", ""));

    /** Starts measuring every registered model; refused while a measurement runs or with sizes out of bounds. */
    public Status start(RobustnessBenchmark.Settings settings) {
        if (settings.digits() < 1 || settings.digits() > maxDigits || settings.numbers() < 1 || settings.numbers() > maxNumbers) {
            throw ProblemException.badRequest("A set holds 1 to " + maxDigits + " digits and 1 to " + maxNumbers
                    + " numbers, not " + settings.digits() + " and " + settings.numbers());
        }
        var started = new Status(true, "loading the models", Instant.now().toString(), "");
        var previous = status.get();
        if (previous.running() || !status.compareAndSet(previous, started)) {
            throw new ProblemException(409, "Conflict", "A robustness measurement is already running; wait for it to end");
        }
        executor.submit(() -> measure(settings, started.startedAt()));
        return started;
    }

    public Status status() {
        return status.get();
    }

    /**
     * Prepares the sets' samples once, then loads, scores and stores one model after the other, so that only
     * one registered model is in memory at a time (besides the served one), however many runs registered: each
     * training run adds its models, and a forest alone weighs tens of megabytes. A model that cannot be loaded
     * is skipped and named in the final status; the others are still measured.
     */
    private void measure(RobustnessBenchmark.Settings settings, String startedAt) {
        try {
            var models = registry.models();
            var testSet = mnist.testSet();
            if (testSet.isEmpty() || models.isEmpty()) {
                throw new IllegalStateException("the MNIST test set is not imported or no model is registered yet");
            }
            status.set(new Status(true, "preparing the samples", startedAt, ""));
            var pipeline = new Pipeline(uploads.maxBytes(), uploads.maxPixels());
            var samples = RobustnessBenchmark.samples(testSet, settings, pipeline);
            var skipped = new ArrayList<String>();
            for (int n = 0; n < models.size(); n++) {
                var descriptor = models.get(n);
                var model = descriptor.id() + " (" + (n + 1) + " of " + models.size() + ")";
                status.set(new Status(true, model + ": loading", startedAt, ""));
                DigitClassifier classifier;
                try {
                    classifier = registry.model(descriptor.id()).classifier();
                } catch (IOException | IllegalArgumentException e) {
                    LOG.log(Level.WARNING, "Robustness: skipping model " + descriptor.id() + ", which cannot be loaded", e);
                    skipped.add(descriptor.id());
                    continue;
                }
                var sets = RobustnessBenchmark.score(classifier, samples, pipeline,
                        set -> status.set(new Status(true, model + ": " + set.key() + " measured", startedAt, "")));
                store(new RobustnessTable(descriptor.id(), descriptor.algorithm(), RobustnessSets.VERSION, settings.seed(),
                        settings.digits(), settings.numbers(), descriptor.test().accuracy(), Instant.now().toString(), sets));
            }
            status.set(new Status(false, "done", startedAt, skipped.isEmpty() ? "" : "Not measured, their files cannot be loaded: " + String.join(", ", skipped)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The robustness measurement failed", e);
            status.set(new Status(false, "failed", startedAt, "The measurement failed: " + e.getMessage()));
        }
    }

    /** The stored tables of the current benchmark version, by model id. */
    public List<RobustnessTable> tables() {
        return tables(Filters.eq("benchmarkVersion", RobustnessSets.VERSION));
    }

    /** The stored tables of the current benchmark version for these models, in the order of {@code modelIds}. */
    public List<RobustnessTable> tables(List<String> modelIds) {
        var found = tables(Filters.and(Filters.eq("benchmarkVersion", RobustnessSets.VERSION), Filters.in("modelId", modelIds)));
        return found.stream().sorted(Comparator.comparingInt(table -> modelIds.indexOf(table.modelId()))).toList();
    }

    private List<RobustnessTable> tables(Bson filter) {
        var tables = new ArrayList<RobustnessTable>();
        for (var document : collection().find(filter).sort(Sorts.ascending("modelId"))) {
            tables.add(table(document));
        }
        return tables;
    }

    private void store(RobustnessTable table) {
        var sets = table.sets().stream().map(score -> new Document("set", score.set()).append("count", score.count())
                .append("correct", score.correct()).append("blank", score.blank()).append("accuracy", score.accuracy())).toList();
        var document = new Document("_id", table.modelId() + "@v" + table.benchmarkVersion())
                .append("modelId", table.modelId()).append("algorithm", table.algorithm())
                .append("benchmarkVersion", table.benchmarkVersion()).append("seed", table.seed())
                .append("digitsPerSet", table.digitsPerSet()).append("numbersPerSet", table.numbersPerSet())
                .append("mnistTestAccuracy", table.mnistTestAccuracy()).append("measuredAt", table.measuredAt())
                .append("sets", sets);
        collection().replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    private static RobustnessTable table(Document document) {
        var sets = document.getList("sets", Document.class).stream().map(set -> new SetScore(set.getString("set"),
                set.getInteger("count"), set.getInteger("correct"), set.getInteger("blank"))).toList();
        return new RobustnessTable(document.getString("modelId"), document.getString("algorithm"),
                document.getInteger("benchmarkVersion"), document.get("seed", Number.class).longValue(),
                document.getInteger("digitsPerSet"), document.getInteger("numbersPerSet"),
                document.getDouble("mnistTestAccuracy"), document.getString("measuredAt"), sets);
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
