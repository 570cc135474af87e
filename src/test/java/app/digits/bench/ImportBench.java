package app.digits.bench;

import app.digits.dataset.control.IdxFormat;
import app.digits.dataset.entity.LabelledImage;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.FileInputStream;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The anchor of the MNIST import figure (issue #11): the bare driver's {@code insertMany}, in batches of 1,000,
 * of the 70,000 MNIST images as the documents the importer writes, into a scratch collection of a running
 * server's MongoDB, so the app's own import time (its log line "Imported ImportReport[... millis=...]") can be
 * set beside what the database itself takes on the same machine. Parsing the IDX files is timed apart. Then
 * the store's cost per drawing: 20,000 documents of the shape {@code DrawingDocuments} writes for a JSON
 * prediction, in unordered {@code insertMany}s of 64 as the group commit sends them. Given the process id of
 * the server holding the embedded MongoDB, it also prints the CPU time that process spent in each phase. The
 * scratch collections are dropped before and after. Command:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.ImportBench
 * mongodb://127.0.0.1:PORT data/mnist [server pid]}.
 */
public final class ImportBench {

    private static final int BATCH = 1_000;
    private static final int DRAWINGS = 20_000;
    private static final int COMMIT_BATCH = 64;

    private ImportBench() {
    }

    public static void main(String[] args) throws IOException {
        var mnist = Path.of(args[1]);
        long parsing = System.nanoTime();
        var images = new ArrayList<LabelledImage>(read(mnist, "train"));
        images.addAll(read(mnist, "t10k"));
        System.out.printf("parse the IDX files: %d images in %d ms%n", images.size(), millisSince(parsing));
        var server = args.length > 2 ? Optional.of(Path.of("/proc", args[2], "stat")) : Optional.<Path>empty();
        try (var client = MongoClients.create(args[0])) {
            var database = client.getDatabase("digits");
            var imported = timed(database.getCollection("import_bench"), server, scratch -> insert(scratch, images));
            System.out.printf("driver insertMany, batches of %d: %d documents in %d ms%s%n", BATCH, imported.documents(),
                    imported.millis(), server.map(stat -> ", server CPU " + imported.serverCpuMillis() + " ms").orElse(""));
            var stored = timed(database.getCollection("drawing_bench"), server, drawings -> storeDrawings(drawings, images));
            System.out.printf("drawings, unordered insertMany of %d: %d in %d ms (%.2f ms each)%s%n", COMMIT_BATCH,
                    stored.documents(), stored.millis(), stored.millis() / (double) DRAWINGS, server.map(stat -> String.format(
                            ", server CPU %.2f ms a drawing", stored.serverCpuMillis() / (double) DRAWINGS)).orElse(""));
        }
    }

    private record Cost(long documents, long millis, long serverCpuMillis) {
    }

    /** Runs the writes into the emptied scratch collection, counts what they left, and drops it again. */
    private static Cost timed(MongoCollection<Document> scratch, Optional<Path> server, Consumer<MongoCollection<Document>> writes) {
        scratch.drop();
        long cpu = cpuMillis(server);
        long start = System.nanoTime();
        writes.accept(scratch);
        long millis = millisSince(start);
        long serverCpu = cpuMillis(server) - cpu;
        var cost = new Cost(scratch.countDocuments(), millis, serverCpu);
        scratch.drop();
        return cost;
    }

    /** What {@code DrawingDocuments} writes for a digit read from JSON pixels (no original image, no label yet). */
    private static void storeDrawings(MongoCollection<Document> drawings, List<LabelledImage> images) {
        var probabilities = List.of(0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.955);
        for (int from = 0; from < DRAWINGS; from += COMMIT_BATCH) {
            var documents = new ArrayList<Document>(COMMIT_BATCH);
            for (int i = from; i < Math.min(DRAWINGS, from + COMMIT_BATCH); i++) {
                var image = images.get(i);
                documents.add(new Document("_id", UUID.randomUUID().toString()).append("createdAt", Instant.now().toString())
                        .append("pixels", new Binary(image.pixels())).append("original", null).append("blank", false)
                        .append("digit", image.label()).append("reason", null).append("confidence", 0.955)
                        .append("probabilities", probabilities).append("modelId", "djl-cnn-20261126-034923")
                        .append("serverMillis", 3L).append("number", null).append("readings", null).append("label", null)
                        .append("labelledAt", null).append("numberLabel", null));
            }
            drawings.insertMany(documents, new InsertManyOptions().ordered(false));
        }
    }

    /** User plus system time of a process from its {@code /proc/<pid>/stat}, in milliseconds (100 ticks a second). */
    private static long cpuMillis(Optional<Path> stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        try {
            var text = Files.readString(stat.get());
            var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledImage> read(Path mnist, String prefix) throws IOException {
        try (var images = new FileInputStream(mnist.resolve(prefix + "-images-idx3-ubyte").toFile());
             var labels = new FileInputStream(mnist.resolve(prefix + "-labels-idx1-ubyte").toFile())) {
            return IdxFormat.read(images, labels);
        }
    }

    private static void insert(MongoCollection<Document> scratch, List<LabelledImage> images) {
        for (int from = 0; from < images.size(); from += BATCH) {
            var documents = new ArrayList<Document>(BATCH);
            for (int i = from; i < Math.min(images.size(), from + BATCH); i++) {
                var image = images.get(i);
                documents.add(new Document("_id", image.contentId() + "-" + i).append("label", image.label())
                        .append("pixels", new Binary(image.pixels())).append("source", "bench").append("sourceIndex", i));
            }
            scratch.insertMany(documents);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
