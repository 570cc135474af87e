package app.digits.drawing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.InMemoryMongo;
import app.digits.prediction.entity.DigitReading;
import app.digits.prediction.entity.Drawing;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrawingCommitterTest {

    private static final double[] SEVEN = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.91, 0.01, 0.01};

    private InMemoryMongo mongo;
    private MongoCollection<Document> drawings;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        drawings = mongo.database("digits").getCollection(DrawingArchive.DRAWINGS);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static Drawing seven() {
        return Drawing.recognized(new byte[] {1, 2, 3}, new byte[784], 7, SEVEN, "cnn-1", 1.5);
    }

    /** Stores the drawings from as many threads at once, all arriving within one wait of the committer. */
    private static List<Future<Drawing>> storeTogether(DrawingCommitter committer, List<Drawing> all) {
        var pool = Executors.newFixedThreadPool(all.size());
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Drawing>>();
        for (var drawing : all) {
            answers.add(pool.submit(() -> {
                start.await();
                return committer.store(drawing);
            }));
        }
        start.countDown();
        pool.shutdown();
        return answers;
    }

    @Test
    void everyAcknowledgedDrawingIsInTheCollection() throws Exception {
        var committer = new DrawingCommitter(drawings, 16, 100_000, 256);
        try {
            var sent = new ArrayList<Drawing>();
            for (int i = 0; i < 40; i++) {
                sent.add(seven());
            }
            var answers = storeTogether(committer, sent);
            var acknowledged = new HashSet<String>();
            for (var answer : answers) {
                acknowledged.add(answer.get(10, TimeUnit.SECONDS).getId());
            }
            assertEquals(40, acknowledged.size());
            for (var id : acknowledged) {
                assertEquals(1, drawings.countDocuments(Filters.eq("_id", id)), id);
            }
        } finally {
            committer.close();
        }
    }

    @Test
    void aDrawingIsStoredAsJnosqlStoresIt() throws Exception {
        var committer = new DrawingCommitter(drawings, 16, 0, 16);
        try {
            var drawing = committer.store(seven());
            var stored = drawings.find(Filters.eq("_id", drawing.getId())).first();
            assertEquals(drawing.getCreatedAt().toString(), stored.getString("createdAt"));
            assertEquals(7, stored.getInteger("digit"));
            assertEquals(0.91, stored.getDouble("confidence"), 1e-12);
            assertEquals(drawing.getProbabilities(), stored.getList("probabilities", Double.class));
            assertEquals(new Binary(new byte[] {1, 2, 3}), stored.get("original"));
            assertEquals(new Binary(new byte[784]), stored.get("pixels"));
            assertEquals(false, stored.getBoolean("blank"));
            assertEquals("cnn-1", stored.getString("modelId"));
            assertTrue(stored.containsKey("label") && stored.get("label") == null, "absent values are explicit nulls");
            assertNull(stored.get("readings"));

            var number = committer.store(Drawing.number(new byte[] {9}, List.of(new DigitReading(4, SEVEN, new byte[784], 1, 2, 3, 4)),
                    "cnn-1", 2));
            var reading = drawings.find(Filters.eq("_id", number.getId())).first().getList("readings", Document.class).getFirst();
            assertEquals(List.of(4, 1, 2, 3, 4), List.of(reading.getInteger("digit"), reading.getInteger("left"),
                    reading.getInteger("top"), reading.getInteger("width"), reading.getInteger("height")));
            assertEquals("4", drawings.find(Filters.eq("_id", number.getId())).first().getString("number"));
        } finally {
            committer.close();
        }
    }

    @Test
    void aDrawingTheDatabaseRefusesFailsItsOwnRequestOnly() throws Exception {
        var taken = seven();
        drawings.insertOne(new Document("_id", taken.getId()));
        var committer = new DrawingCommitter(drawings, 8, 200_000, 64);
        try {
            var others = List.of(seven(), seven(), seven(), seven());
            var all = new ArrayList<>(others);
            all.add(2, taken);
            var answers = storeTogether(committer, all);

            var refused = assertInstanceOf(ExecutionException.class, catching(answers.get(2)));
            assertInstanceOf(MongoWriteException.class, refused.getCause());
            assertEquals(11000, ((MongoWriteException) refused.getCause()).getCode(), "a duplicate key");
            for (int i : new int[] {0, 1, 3, 4}) {
                assertSame(all.get(i), answers.get(i).get(10, TimeUnit.SECONDS));
                assertEquals(1, drawings.countDocuments(Filters.eq("_id", all.get(i).getId())));
            }
            assertNull(drawings.find(Filters.eq("_id", taken.getId())).first().get("digit"), "the earlier document is untouched");
        } finally {
            committer.close();
        }
    }

    private static Throwable catching(Future<?> answer) throws Exception {
        try {
            answer.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e;
        }
    }
}
