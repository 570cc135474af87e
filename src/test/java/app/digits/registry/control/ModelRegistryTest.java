package app.digits.registry.control;

import app.digits.registry.entity.TestModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.InMemoryMongo;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ModelRecords;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two registries on one in-memory MongoDB, each with its own cache directory: two instances of a cluster. */
class ModelRegistryTest {

    @TempDir
    Path directory;

    private InMemoryMongo mongo;
    private MongoDatabase database;
    private final List<String> servedEvents = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        database = mongo.database("registry-test");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @SuppressWarnings("unchecked")
    private ModelRegistry instance(String name) {
        var registry = new ModelRegistry();
        registry.modelsDir = directory.resolve(name).toString();
        registry.records = (ModelRecords) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ModelRecords.class},
                (proxy, method, args) -> args == null ? null : args[0]);
        registry.servedEvents = (Event<ModelServed>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    servedEvents.add(name + ":" + ((ModelServed) args[0]).modelId());
                    return null;
                });
        registry.connect(database);
        return registry;
    }

    private static ModelDescriptor descriptor(String id, double accuracy) {
        return TestModels.model(id, Map.of(), TestModels.scores(5, accuracy, new int[10][10], null));
    }

    @Test
    void anotherInstanceFollowsAHotSwapAtItsNextPoll() throws IOException {
        var first = instance("a");
        first.register(new ModelStoreTest.Constant(new double[10]), descriptor("m1", 0.9));
        first.register(new ModelStoreTest.Constant(new double[10]), descriptor("m2", 0.8));
        first.serve("m1");

        var second = instance("b");
        assertTrue(second.loadServed());
        assertEquals("m1", second.servedId());
        assertFalse(second.follow(), "nothing changed");

        first.serve("m2");
        assertEquals("m1", second.servedId(), "until it polls");
        assertTrue(second.follow());
        assertEquals("m2", second.servedId());
        assertEquals(List.of("a:m1", "b:m1", "a:m2", "b:m2"), servedEvents);
    }

    @Test
    void theFirstStartOfAnOlderInstallationUploadsItsModelsAndKeepsItsServedModel() throws IOException {
        var local = new ModelStore(directory.resolve("old"));
        local.save(new ModelStoreTest.Constant(new double[10]), descriptor("best", 0.95));
        local.save(new ModelStoreTest.Constant(new double[10]), descriptor("chosen", 0.9));
        Files.writeString(directory.resolve("old").resolve("active-model.txt"), "chosen");

        assertTrue(instance("old").loadServed());
        var joining = instance("new");
        assertTrue(joining.loadServed());
        assertEquals("chosen", joining.servedId(), "the pointer file's model, not the most accurate one");
        assertEquals(2, joining.models().size());
    }

    @Test
    void aPointedModelThatCannotBeLoadedLeavesTheServedOneInPlace() throws IOException {
        var first = instance("a");
        first.register(new ModelStoreTest.Constant(new double[10]), descriptor("m1", 0.9));
        first.serve("m1");
        var second = instance("b");
        second.loadServed();

        new ServedPointer(database).point("vanished", "elsewhere", java.time.Instant.now());
        assertFalse(second.follow());
        assertEquals("m1", second.servedId());
    }
}
