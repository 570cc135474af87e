package app.digits.registry.control;

import app.digits.platform.control.Instance;
import app.digits.platform.control.MongoConnection;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ModelRecord;
import app.digits.registry.entity.ModelRecords;
import app.digits.registry.entity.ServedModel;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which model answers predictions right now, and which models exist, for one instance of a cluster that
 * shares a MongoDB. Models live in GridFS ({@link ModelStore}, cached under the models directory); which one
 * is served is a pointer in MongoDB ({@link ServedPointer}). At start-up the registry uploads local models
 * GridFS lacks, describes every model in the {@code models} collection and loads the pointed model (or,
 * failing that, the most accurate valid one); {@link #serve} swaps in another and moves the pointer, and every
 * instance polls the pointer ({@code digits.registry.poll-ms}) and swaps to the model it names. Requests
 * already running finish on the model they started with.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "digits.models.dir", defaultValue = "models")
    String modelsDir;

    @Inject
    @ConfigProperty(name = "digits.registry.poll-ms", defaultValue = "2000")
    long pollMillis;

    @Inject
    MongoConnection connection;

    @Inject
    ModelRecords records;

    @Inject
    Event<ModelServed> servedEvents;

    @Resource
    ManagedScheduledExecutorService scheduler;

    Clock clock = Clock.systemUTC();
    private ModelStore store;
    private ServedPointer pointer;
    private ScheduledFuture<?> following;
    private volatile ServedModel served;
    private volatile String refused;

    private synchronized ModelStore store() {
        if (store == null) {
            connect(connection.database());
        }
        return store;
    }

    /** Uses this database for models and the pointer; once connected, at first use (tests call it directly). */
    synchronized void connect(MongoDatabase database) {
        store = new ModelStore(Path.of(modelsDir).toAbsolutePath(), database);
        pointer = new ServedPointer(database);
    }

    private ServedPointer pointer() {
        store();
        return pointer;
    }

    /**
     * Uploads local models GridFS lacks, loads the model to serve and starts following the cluster's pointer;
     * returns whether a model is served.
     */
    public boolean loadServed() throws IOException {
        int uploaded = store().migrate();
        if (uploaded > 0) {
            LOG.info(() -> "Uploaded " + uploaded + " local models to GridFS");
        }
        store().activeId().ifPresent(id -> pointer().pointIfUnset(id, Instance.ID, clock.instant()));
        var active = pointer().current().map(ServedPointer.Pointer::modelId);
        var descriptors = store().descriptors();
        descriptors.forEach(descriptor -> records.save(ModelRecord.of(descriptor)));
        var candidates = descriptors.stream()
                .sorted(Comparator.comparing((ModelDescriptor d) -> !active.map(d.id()::equals).orElse(false))
                        .thenComparing(d -> d.test().accuracy(), Comparator.reverseOrder()))
                .toList();
        startFollowing();
        for (var descriptor : candidates) {
            try {
                swap(new ServedModel(descriptor, store().load(descriptor)));
                LOG.info(() -> "Serving model " + descriptor.id() + " (" + descriptor.algorithm() + ", test accuracy "
                        + String.format("%.2f%%", 100 * descriptor.test().accuracy()) + ")");
                return true;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Skipping model " + descriptor.id() + ": " + e.getMessage());
            }
        }
        return false;
    }

    private synchronized void startFollowing() {
        if (following == null && scheduler != null) {
            following = scheduler.scheduleWithFixedDelay(this::followQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not read the served-model pointer; trying again", e);
        }
    }

    /**
     * Swaps to the model the cluster's pointer names when this instance serves another; a model that cannot be
     * loaded is not tried again until the pointer moves. Returns whether it swapped.
     */
    synchronized boolean follow() {
        var wanted = pointer().current();
        if (wanted.isEmpty() || wanted.get().modelId().equals(servedId()) || wanted.get().modelId().equals(refused)) {
            return false;
        }
        var chosen = wanted.get();
        try {
            var descriptor = store().descriptor(chosen.modelId())
                    .orElseThrow(() -> new IOException("GridFS holds no model " + chosen.modelId()));
            records.save(ModelRecord.of(descriptor));
            swap(new ServedModel(descriptor, store().load(descriptor)));
            LOG.info(() -> "Now serving model " + chosen.modelId() + ", chosen by " + chosen.servedBy() + " "
                    + Duration.between(chosen.servedAt(), clock.instant()).toMillis() + " ms ago");
            return true;
        } catch (IOException e) {
            refused = chosen.modelId();
            LOG.log(Level.WARNING, "Cannot serve model " + chosen.modelId() + " as the cluster asks: " + e.getMessage());
            return false;
        }
    }

    /** Saves a trained model and its sidecar in GridFS (and the local cache), and describes it in {@code models}. */
    public ModelDescriptor register(DigitClassifier classifier, ModelDescriptor descriptor) throws IOException {
        var saved = store().save(classifier, descriptor);
        records.save(ModelRecord.of(saved));
        return saved;
    }

    /** Makes a registered model the one that answers predictions, here at once and on every instance within a poll. */
    public synchronized void serve(ModelDescriptor descriptor, DigitClassifier classifier) {
        pointer().point(descriptor.id(), Instance.ID, clock.instant());
        swap(new ServedModel(descriptor, classifier));
        LOG.info(() -> "Now serving model " + descriptor.id());
    }

    /** Loads a registered model by id and serves it; the previous one stays registered. */
    public ModelDescriptor serve(String id) throws IOException {
        var descriptor = store().descriptor(id).orElseThrow(() -> new IllegalArgumentException("No model with id " + id));
        serve(descriptor, store().load(descriptor));
        return descriptor;
    }

    private synchronized void swap(ServedModel model) {
        served = model;
        refused = null;
        servedEvents.fireAsync(new ModelServed(model.descriptor().id()));
    }

    /** A registered model with its classifier: the served one as is, any other loaded from GridFS or the cache. */
    public ServedModel model(String id) throws IOException {
        var current = served;
        if (current != null && current.descriptor().id().equals(id)) {
            return current;
        }
        var descriptor = store().descriptor(id).orElseThrow(() -> new IllegalArgumentException("No model with id " + id));
        return new ServedModel(descriptor, store().load(descriptor));
    }

    /** The served model's id, or an empty string while none is served. */
    public String servedId() {
        return served().map(model -> model.descriptor().id()).orElse("");
    }

    public Optional<ServedModel> served() {
        return Optional.ofNullable(served);
    }

    public List<ModelDescriptor> models() throws IOException {
        return store().descriptors();
    }

    @PreDestroy
    synchronized void stopFollowing() {
        if (following != null) {
            following.cancel(false);
        }
    }
}
