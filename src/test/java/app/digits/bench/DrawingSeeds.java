package app.digits.bench;

import app.digits.imaging.control.Sketches;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Fills the {@code drawings} collection the way anonymous posts would, straight through the driver: each
 * document shaped like the app's own (an original PNG, the 784 pixels, ten probabilities), one in five
 * labelled and listed in {@code labels} waiting for review, all marked so they can be removed again. Used by the volume
 * integration test and, as a program, to load a running server before timing its pages:
 * {@code java -cp ... app.digits.bench.DrawingSeeds mongodb://127.0.0.1:PORT 100000} (or {@code remove}).
 */
public final class DrawingSeeds {

    public static final String MARK = "seededByBench";
    public static final String MODEL = "seeded-model";
    private static final int BATCH = 1000;

    private DrawingSeeds() {
    }

    /**
     * Inserts {@code count} drawings, and the labels of the labelled ones; deterministic for a given count
     * (seeded random).
     */
    public static void seed(MongoDatabase database, int count) {
        var original = Sketches.encode(Sketches.blackOnWhite(60, 40, 200), "png");
        var random = new Random(7);
        var drawings = new ArrayList<Document>(BATCH);
        var labels = new ArrayList<Document>(BATCH);
        for (int i = 0; i < count; i++) {
            var drawing = drawing(i, original, random);
            drawings.add(drawing);
            if (drawing.get("label") != null) {
                labels.add(new Document("_id", drawing.get("_id")).append(MARK, true).append("digit", drawing.get("digit"))
                        .append("label", drawing.get("label")).append("modelId", MODEL)
                        .append("labelledAt", drawing.get("labelledAt")).append("review", "PENDING"));
            }
            if (drawings.size() == BATCH || i == count - 1) {
                database.getCollection("drawings").insertMany(drawings);
                drawings.clear();
                if (!labels.isEmpty()) {
                    database.getCollection("labels").insertMany(labels);
                    labels.clear();
                }
            }
        }
    }

    public static long remove(MongoDatabase database) {
        database.getCollection("labels").deleteMany(Filters.eq(MARK, true));
        return database.getCollection("drawings").deleteMany(Filters.eq(MARK, true)).getDeletedCount();
    }

    private static Document drawing(int i, byte[] original, Random random) {
        int digit = random.nextInt(10);
        var probabilities = new ArrayList<Double>();
        for (int d = 0; d < 10; d++) {
            probabilities.add(d == digit ? 0.91 : 0.01);
        }
        var pixels = new byte[784];
        random.nextBytes(pixels);
        var created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        var document = new Document("_id", UUID.randomUUID().toString()).append(MARK, true)
                .append("createdAt", created.toString()).append("pixels", new Binary(pixels))
                .append("original", new Binary(original)).append("blank", false).append("digit", digit)
                .append("confidence", 0.91).append("probabilities", probabilities).append("modelId", MODEL)
                .append("serverMillis", 1.0).append("number", null).append("readings", null);
        if (i % 5 == 0) {
            int label = i % 10 == 0 ? digit : (digit + 1) % 10;
            document.append("label", label).append("labelledAt", created.plusSeconds(1).toString());
        } else {
            document.append("label", null).append("labelledAt", null);
        }
        return document;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DrawingSeeds MONGODB_URI COUNT|remove");
        }
        try (var mongo = MongoClients.create(args[0])) {
            var database = mongo.getDatabase("digits");
            long start = System.nanoTime();
            if ("remove".equals(args[1])) {
                System.out.printf("removed %d seeded drawings%n", remove(database));
            } else {
                seed(database, Integer.parseInt(args[1]));
                System.out.printf("seeded %s drawings in %.1f s; %d stored%n", args[1], (System.nanoTime() - start) / 1e9,
                        database.getCollection("drawings").estimatedDocumentCount());
            }
        }
    }
}
