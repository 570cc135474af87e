package app.digits.bench;

import app.digits.dataset.control.IdxFormat;
import app.digits.dataset.entity.LabelledImage;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The anchor of the MNIST import figure (issue #11): the bare driver's {@code insertMany}, in batches of 1,000,
 * of the 70,000 MNIST images as the documents the importer writes, into a scratch collection of a running
 * server's MongoDB, so the app's own import time (its log line "Imported ImportReport[... millis=...]") can be
 * set beside what the database itself takes on the same machine. Parsing the IDX files is timed apart. The
 * scratch collection is dropped before and after. Command:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.ImportBench
 * mongodb://127.0.0.1:PORT data/mnist}.
 */
public final class ImportBench {

    private static final int BATCH = 1_000;

    private ImportBench() {
    }

    public static void main(String[] args) throws IOException {
        var mnist = Path.of(args[1]);
        long parsing = System.nanoTime();
        var images = new ArrayList<LabelledImage>(read(mnist, "train"));
        images.addAll(read(mnist, "t10k"));
        System.out.printf("parse the IDX files: %d images in %d ms%n", images.size(), millisSince(parsing));
        try (var client = MongoClients.create(args[0])) {
            var scratch = client.getDatabase("digits").getCollection("import_bench");
            scratch.drop();
            long inserting = System.nanoTime();
            insert(scratch, images);
            System.out.printf("driver insertMany, batches of %d: %d documents in %d ms%n",
                    BATCH, scratch.countDocuments(), millisSince(inserting));
            scratch.drop();
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
