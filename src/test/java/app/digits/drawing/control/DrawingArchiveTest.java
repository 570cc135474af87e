package app.digits.drawing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.drawing.entity.LabelledDrawing;
import app.digits.drawing.entity.Review;
import app.digits.platform.control.InMemoryMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrawingArchiveTest {

    private InMemoryMongo mongo;
    private DrawingArchive archive;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        archive = new DrawingArchive();
        archive.database = mongo.database("digits");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    /**
     * Labels spread unevenly over a few hours (some ten minutes crowded, some empty), in two states, inserted
     * out of order; answers the ids of the pending ones, newest first, as a full sort would list them.
     */
    private List<String> seedPendingNewestFirst() {
        var random = new Random(3);
        var start = Instant.parse("2026-03-01T10:00:00Z");
        var pending = new ArrayList<Document>();
        var all = new ArrayList<Document>();
        for (int i = 0; i < 400; i++) {
            // Seconds drawn from a skewed spread: many in the first minutes, a few hours later a thin tail.
            long second = (long) (Math.pow(random.nextDouble(), 3) * 4 * 3600);
            var review = i % 4 == 0 ? Review.ACCEPTED : Review.PENDING;
            var label = new Document("_id", "d" + i).append("digit", i % 10).append("label", (i + 1) % 10)
                    .append("modelId", "m").append("labelledAt", start.plusSeconds(second).plusMillis(i).toString())
                    .append("review", review.name());
            all.add(label);
            if (review == Review.PENDING) {
                pending.add(label);
            }
        }
        Collections.shuffle(all, random);
        archive.database.getCollection(DrawingArchive.LABELS).insertMany(all);
        return pending.stream().sorted(Comparator.comparing((Document d) -> d.getString("labelledAt")).reversed())
                .map(d -> d.getString("_id")).toList();
    }

    @Test
    void everyPageListsTheLabelsAFullSortWouldInTheSameOrder() {
        var expected = seedPendingNewestFirst();
        var listed = new ArrayList<String>();
        int pages = 0;
        for (int page = 1; ; page++) {
            var labels = archive.labels(Review.PENDING, page, 24);
            assertEquals(expected.size(), labels.total(), "the total counts every pending label");
            if (labels.drawings().isEmpty()) {
                break;
            }
            pages = labels.pages();
            labels.drawings().stream().map(LabelledDrawing::id).forEach(listed::add);
            assertTrue(labels.drawings().size() == 24 || page == pages, "full pages but the last");
        }
        assertEquals(expected, listed);
        assertEquals((expected.size() + 23) / 24, pages);
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndAnEmptyStateHasNoLabels() {
        seedPendingNewestFirst();
        assertTrue(archive.labels(Review.PENDING, 1000, 24).drawings().isEmpty());
        var rejected = archive.labels(Review.REJECTED, 1, 24);
        assertEquals(0, rejected.total());
        assertTrue(rejected.drawings().isEmpty());
    }
}
