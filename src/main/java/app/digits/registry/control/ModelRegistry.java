package app.digits.registry.control;

import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ModelRecord;
import app.digits.registry.entity.ModelRecords;
import app.digits.registry.entity.ServedModel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which model answers predictions right now, and which models exist. At start-up it describes every
 * registered model in the {@code models} collection and loads the model marked active (or, failing that, the
 * most accurate valid one); {@link #serve} swaps in another without a restart, and requests already
 * running finish on the model they started with.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "digits.models.dir", defaultValue = "models")
    String modelsDir;

    @Inject
    ModelRecords records;

    @Inject
    Event<ModelServed> servedEvents;

    private ModelStore store;
    private volatile ServedModel served;

    @PostConstruct
    void init() {
        store = new ModelStore(Path.of(modelsDir).toAbsolutePath());
    }

    /** Loads the model to serve from disk; returns whether one was found. */
    public boolean loadServed() throws IOException {
        var active = store.activeId();
        var descriptors = store.descriptors();
        descriptors.forEach(descriptor -> records.save(ModelRecord.of(descriptor)));
        var candidates = descriptors.stream()
                .sorted(Comparator.comparing((ModelDescriptor d) -> !active.map(d.id()::equals).orElse(false))
                        .thenComparing(ModelDescriptor::testAccuracy, Comparator.reverseOrder()))
                .toList();
        for (var descriptor : candidates) {
            try {
                served = new ServedModel(descriptor, store.load(descriptor));
                LOG.info(() -> "Serving model " + descriptor.id() + " (" + descriptor.algorithm() + ", test accuracy "
                        + String.format("%.2f%%", 100 * descriptor.testAccuracy()) + ")");
                servedEvents.fireAsync(new ModelServed(descriptor.id()));
                return true;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Skipping model " + descriptor.id() + ": " + e.getMessage());
            }
        }
        return false;
    }

    /** Saves a trained model and its sidecar under the models directory, and describes it in {@code models}. */
    public ModelDescriptor register(DigitClassifier classifier, ModelDescriptor descriptor) throws IOException {
        var saved = store.save(classifier, descriptor);
        records.save(ModelRecord.of(saved));
        return saved;
    }

    /** Makes a registered model the one that answers predictions, now and after a restart. */
    public void serve(ModelDescriptor descriptor, DigitClassifier classifier) throws IOException {
        store.markActive(descriptor.id());
        served = new ServedModel(descriptor, classifier);
        LOG.info(() -> "Now serving model " + descriptor.id());
        servedEvents.fireAsync(new ModelServed(descriptor.id()));
    }

    /** Loads a registered model by id and serves it; the previous one stays registered. */
    public ModelDescriptor serve(String id) throws IOException {
        var descriptor = store.descriptors().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model with id " + id));
        serve(descriptor, store.load(descriptor));
        return descriptor;
    }

    /** A registered model with its classifier: the served one as is, any other loaded from disk. */
    public ServedModel model(String id) throws IOException {
        var current = served;
        if (current != null && current.descriptor().id().equals(id)) {
            return current;
        }
        var descriptor = store.descriptors().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model with id " + id));
        return new ServedModel(descriptor, store.load(descriptor));
    }

    /** The served model's id, or an empty string while none is served. */
    public String servedId() {
        return served().map(model -> model.descriptor().id()).orElse("");
    }

    public Optional<ServedModel> served() {
        return Optional.ofNullable(served);
    }

    public List<ModelDescriptor> models() throws IOException {
        return store.descriptors();
    }
}
