package app.digits.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.function.IntSupplier;
import org.bson.Document;

/**
 * Times the two ways of reading the whole training set back from MongoDB: skip/limit pages of 5,000 sorted by
 * id (what the JNoSQL repository pages did) and one cursor sorted by id, fetched in batches of 5,000 (what
 * {@code MnistReader} does now). Against a running server's MongoDB (the embedded one's port is in the log line
 * "embedded MongoDB on 127.0.0.1:PORT"):
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.ReadBench mongodb://127.0.0.1:PORT}.
 */
public final class ReadBench {

    private static final int PAGE = 5_000;

    private ReadBench() {
    }

    public static void main(String[] args) {
        try (var client = MongoClients.create(args[0])) {
            var images = client.getDatabase("digits").getCollection("mnist_train");
            time("skip/limit pages sorted by id", () -> pages(images));
            time("one cursor sorted by id", () -> cursor(images));
        }
    }

    private static int pages(MongoCollection<Document> images) {
        int read = 0;
        for (int skip = 0; ; skip += PAGE) {
            var page = images.find().sort(Sorts.ascending("_id")).skip(skip).limit(PAGE).into(new ArrayList<>());
            read += page.size();
            if (page.size() < PAGE) {
                return read;
            }
        }
    }

    private static int cursor(MongoCollection<Document> images) {
        int read = 0;
        for (var ignored : images.find().sort(Sorts.ascending("_id")).batchSize(PAGE)) {
            read++;
        }
        return read;
    }

    private static void time(String what, IntSupplier reading) {
        long start = System.nanoTime();
        int read = reading.getAsInt();
        System.out.printf("%-32s %,d images in %,d ms%n", what, read, (System.nanoTime() - start) / 1_000_000);
    }
}
