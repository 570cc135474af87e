package app.digits.registry.control;

import app.digits.registry.entity.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.InMemoryMongo;
import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    /** A trivial but real classifier: always the same distribution. */
    public record Constant(double[] distribution) implements DigitClassifier {
        @Override
        public double[] probabilities(byte[] pixels) {
            return distribution.clone();
        }
    }

    @TempDir
    Path directory;

    private static ModelDescriptor descriptor(String id, double accuracy) {
        return TestModels.model(id, Map.of("k", "v"), TestModels.scores(5, accuracy, new int[10][10], null));
    }

    @Test
    void savesAndLoadsAModelWithItsSidecar() throws IOException {
        var store = new ModelStore(directory);
        var distribution = new double[] {0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0};

        var saved = store.save(new Constant(distribution), descriptor("m1", 0.5));

        assertEquals("m1.model", saved.file().name());
        assertEquals(64, saved.file().sha256().length());
        var listed = store.descriptors().get(0);
        assertEquals(saved.id(), listed.id());
        assertEquals(saved.file().sha256(), listed.file().sha256());
        assertEquals(Files.size(directory.resolve("m1.model")), listed.file().bytes());
        assertEquals(0.4, listed.test().macroF1());
        assertEquals(10, listed.test().confusion().length);
        assertArrayEquals(distribution, store.load(saved).probabilities(new byte[784]));
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(path -> path.toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void refusesAModelFileThatDoesNotMatchItsChecksum() throws IOException {
        var store = new ModelStore(directory);
        var saved = store.save(new Constant(new double[10]), descriptor("m2", 0.5));
        var file = directory.resolve(saved.file().name());
        var bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        var error = assertThrows(IOException.class, () -> store.load(saved));
        assertTrue(error.getMessage().contains("refusing to load it"), error.getMessage());
    }

    @Test
    void readsTheFlatSidecarOfModelsTrainedBeforeDescriptorsHadParts() throws IOException {
        var saved = new ModelStore(directory).save(new Constant(new double[10]), descriptor("old", 0.5));
        Files.writeString(directory.resolve("old.json"), """
                {"algorithm": "Decision tree (CART)", "confusion": [[1]], "file": "old.model", "fileBytes": %d,
                 "gridAxis": "maxDepth", "gridSearch": [{"meanAccuracy": 0.74, "parameters": {"maxDepth": "10"}, "seconds": 1.1,
                 "stdAccuracy": 0.01}], "id": "old", "library": "Smile", "macroF1": 0.84, "medianLatencyMicros": 1.6,
                 "parameters": {"maxDepth": "10", "peoplesDrawings": "12"}, "runId": "run-1", "sha256": "%s",
                 "testAccuracy": 0.8498, "testImages": 10000, "trainedAt": "2026-11-26T07:13:26Z", "trainingImages": 60000,
                 "trainingSeconds": 3.5}
                """.formatted(saved.file().bytes(), saved.file().sha256()));

        var read = new ModelStore(directory).descriptors().get(0);

        assertEquals(0.8498, read.test().accuracy());
        assertEquals(Map.of("maxDepth", "10"), read.training().hyperparameters());
        assertEquals(12, read.training().peoplesDrawings());
        assertEquals(0.74, read.training().gridSearch().get(0).meanAccuracy());
        assertEquals(saved.file().sha256(), read.file().sha256());
    }

    @Test
    void readsTheActiveModelFileOfOlderInstallations() throws IOException {
        var store = new ModelStore(directory);
        assertEquals(Optional.empty(), store.activeId());
        Files.writeString(directory.resolve("active-model.txt"), "m3\n");
        assertEquals(Optional.of("m3"), store.activeId());
    }

    @Test
    void aModelSavedByOneInstanceIsListedAndLoadedByAnotherThroughGridFs() throws IOException {
        try (var mongo = new InMemoryMongo()) {
            var database = mongo.database("models-test");
            var first = new ModelStore(directory.resolve("a"), database);
            var distribution = new double[] {0, 0, 0.7, 0.3, 0, 0, 0, 0, 0, 0};
            var saved = first.save(new Constant(distribution), descriptor("shared", 0.5));

            var second = new ModelStore(directory.resolve("b"), database);
            var listed = second.descriptors();
            assertEquals(List.of("shared"), listed.stream().map(ModelDescriptor::id).toList());
            assertEquals(saved.file().sha256(), listed.get(0).file().sha256());
            assertArrayEquals(distribution, second.load(listed.get(0)).probabilities(new byte[784]));
            assertTrue(Files.isRegularFile(directory.resolve("b").resolve("shared.model")), "cached locally");

            // A damaged cached copy is fetched again rather than refused or trusted.
            Files.write(directory.resolve("b").resolve("shared.model"), new byte[] {1, 2, 3});
            assertArrayEquals(distribution, new ModelStore(directory.resolve("b"), database).load(saved).probabilities(new byte[784]));
        }
    }

    @Test
    void aModelWhoseGridFsBytesDoNotMatchTheirChecksumIsNeitherCachedNorLoaded() throws IOException {
        try (var mongo = new InMemoryMongo()) {
            var database = mongo.database("models-test");
            var saved = new ModelStore(directory.resolve("a"), database).save(new Constant(new double[10]), descriptor("bad", 0.5));
            var chunks = database.getCollection(ModelStore.BUCKET + ".chunks");
            var chunk = chunks.find().first();
            var bytes = chunk.get("data", org.bson.types.Binary.class).getData();
            bytes[bytes.length - 1] ^= 1;
            chunks.replaceOne(new Document("_id", chunk.get("_id")), chunk.append("data", new org.bson.types.Binary(bytes)));

            var other = directory.resolve("b");
            var error = assertThrows(IOException.class, () -> new ModelStore(other, database).load(saved));
            assertTrue(error.getMessage().contains("refusing"), error.getMessage());
            assertFalse(Files.exists(other.resolve("bad.model")), "nothing unverified is renamed into the cache");
        }
    }

    @Test
    void localModelsOfAnOlderInstallationAreUploadedOnce() throws IOException {
        var local = new ModelStore(directory);
        local.save(new Constant(new double[10]), descriptor("old-1", 0.5));
        local.save(new Constant(new double[10]), descriptor("old-2", 0.6));
        try (var mongo = new InMemoryMongo()) {
            var database = mongo.database("models-test");
            var migrating = new ModelStore(directory, database);
            assertEquals(2, migrating.migrate());
            assertEquals(0, migrating.migrate(), "already there");

            var elsewhere = new ModelStore(directory.resolve("elsewhere"), database);
            assertEquals(List.of("old-1", "old-2"), elsewhere.descriptors().stream().map(ModelDescriptor::id).toList());
            assertEquals(2, database.getCollection(ModelStore.BUCKET + ".files").countDocuments(new Document("metadata.kind", "model")));
        }
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoModels() throws IOException {
        assertEquals(0, new ModelStore(directory.resolve("missing")).descriptors().size());
    }

    @Test
    void whatACrashInTheMiddleOfASaveLeavesIsNeverListedNorLoaded() throws IOException {
        var store = new ModelStore(directory);
        var saved = store.save(new Constant(new double[10]), descriptor("kept", 0.5));
        var whole = Files.readAllBytes(directory.resolve(saved.file().name()));
        // Killed while writing the model: a temporary file only. Killed after the model's rename: no sidecar yet.
        Files.write(directory.resolve("half.model123.tmp"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(directory.resolve("half.json456.tmp"), "{\"id\": \"half\"".getBytes());
        Files.write(directory.resolve("orphan.model"), whole);

        assertEquals(java.util.List.of("kept"), store.descriptors().stream().map(ModelDescriptor::id).toList());

        // A sidecar whose model file was cut short (a copy gone wrong) is refused by its checksum.
        Files.write(directory.resolve(saved.file().name()), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThrows(IOException.class, () -> store.load(saved));
    }
}
