package app.digits.drawing.control;

import app.digits.prediction.entity.Drawing;
import app.digits.drawing.entity.LabelPage;
import app.digits.drawing.entity.LabelledDrawing;
import app.digits.drawing.entity.ModelOnDrawings;
import app.digits.drawing.entity.Review;
import app.digits.platform.control.AttemptLimiter;
import app.digits.platform.control.DatabaseConnected;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Reads people's drawings and labels the way volumes demand. Anyone can post drawings, so nothing the
 * dashboard asks may grow with the number stored: the number of drawings is the collection's own count,
 * and every label also lives as a small document in {@code labels} (drawing id, digit read, label, model,
 * review; for a number drawing the number read and the number it really is), which the review pages, the
 * scores per model and the training runs ({@link AcceptedCorrections}) read instead of the big drawings with
 * their images. Lists are one page with a projection; the indexes these queries use are
 * created at start, idempotently and valid on MongoDB 7/8 (the embedded server keeps only unique indexes
 * and scans, which the small documents keep cheap). JNoSQL writes instants as ISO-8601 strings, which sort
 * in time order.
 */
@ApplicationScoped
public class DrawingArchive {

    static final String DRAWINGS = "drawings";
    static final String LABELS = "labels";
    private static final String MIGRATIONS = "migrations";
    static final String REVIEW = "review";
    static final String LABELLED_AT = "labelledAt";
    static final String LABEL = "label";
    private static final String DIGIT = "digit";
    private static final String MODEL = "modelId";
    static final String NUMBER = "number";
    static final String NUMBER_LABEL = "numberLabel";
    static final String ID = "_id";
    static final int BATCH = 1000;
    /** "2026-01-01T05:3": the ISO-8601 prefix naming a label's ten minutes, the spans a review page is read by. */
    private static final int SPAN_PREFIX = 15;

    @Inject
    MongoDatabase database;

    private MongoCollection<Document> drawings() {
        return database.getCollection(DRAWINGS);
    }

    private MongoCollection<Document> labels() {
        return database.getCollection(LABELS);
    }

    /**
     * Creates the indexes of the review queries and of the label limits and, once, lists the labels given
     * before the {@code labels} collection existed (they wait for review like new ones). Idempotent: a second
     * start changes nothing.
     */
    void prepare(@Observes DatabaseConnected connected) {
        AttemptLimiter.ensureIndexes(database);
        labels().createIndex(Indexes.compoundIndex(Indexes.ascending(REVIEW), Indexes.descending(LABELLED_AT)),
                new IndexOptions().name("review_labelledAt"));
        var migration = Filters.eq(ID, "labels-from-drawings");
        if (database.getCollection(MIGRATIONS).find(migration).first() == null) {
            for (var drawing : drawings().find(Filters.ne(LABEL, null))
                    .projection(Projections.include(DIGIT, LABEL, MODEL, LABELLED_AT)).batchSize(BATCH)) {
                labels().replaceOne(Filters.eq(ID, drawing.get(ID)), labelDocument(drawing.getString(ID),
                        drawing.getInteger(DIGIT), drawing.getInteger(LABEL), drawing.getString(MODEL),
                        drawing.getString(LABELLED_AT)), new ReplaceOptions().upsert(true));
            }
            database.getCollection(MIGRATIONS).insertOne(new Document(ID, "labels-from-drawings").append("at", Instant.now().toString()));
        }
    }

    /**
     * Lists a drawing's new or changed label for review: the digit read and the label, or for a number drawing
     * the number read and the number it really is ({@code number} and {@code numberLabel}, no digit fields).
     */
    public void labelled(Drawing drawing) {
        var document = drawing.getNumberLabel() == null
                ? labelDocument(drawing.getId(), drawing.getDigit(), drawing.getLabel(), drawing.getModelId(), drawing.getLabelledAt().toString())
                : new Document(ID, drawing.getId()).append(NUMBER, drawing.getNumber()).append(NUMBER_LABEL, drawing.getNumberLabel())
                        .append(MODEL, drawing.getModelId()).append(LABELLED_AT, drawing.getLabelledAt().toString())
                        .append(REVIEW, Review.PENDING.name());
        labels().replaceOne(Filters.eq(ID, drawing.getId()), document, new ReplaceOptions().upsert(true));
    }

    /** Forgets the label of a drawing that was replaced by a further reading: it labelled an older image. */
    public void unlabelled(String drawingId) {
        labels().deleteOne(Filters.eq(ID, drawingId));
    }

    private static Document labelDocument(String id, Integer digit, int label, String model, String labelledAt) {
        return new Document(ID, id).append(DIGIT, digit).append(LABEL, label).append(MODEL, model)
                .append(LABELLED_AT, labelledAt).append(REVIEW, Review.PENDING.name());
    }

    /** How many drawings are stored: the collection's own count (exact after a clean shutdown), no scan. */
    public long count() {
        return drawings().estimatedDocumentCount();
    }

    /** How many labels wait for review, were accepted and were rejected. */
    public Map<Review, Long> reviewCounts() {
        var counts = new EnumMap<Review, Long>(Review.class);
        for (var review : Review.values()) {
            counts.put(review, 0L);
        }
        for (var group : labels().aggregate(List.of(Aggregates.group("$" + REVIEW, Accumulators.sum("n", 1))))) {
            counts.put(Review.valueOf(group.getString(ID)), ((Number) group.get("n")).longValue());
        }
        return counts;
    }

    /**
     * Each model's score on the labelled single digits: the server groups their labels by model, label and
     * digit read (at most models x 100 groups); number corrections are not digit scores and stay out.
     */
    public List<ModelOnDrawings> scoresByModel() {
        var groups = labels().aggregate(List.of(Aggregates.match(Filters.eq(NUMBER_LABEL, null)), Aggregates.group(
                new Document(MODEL, "$" + MODEL).append(LABEL, "$" + LABEL).append(DIGIT, "$" + DIGIT),
                Accumulators.sum("n", 1))));
        Map<String, long[]> byModel = new TreeMap<>();
        for (var group : groups) {
            var key = group.get(ID, Document.class);
            var counts = byModel.computeIfAbsent(String.valueOf(key.getString(MODEL)), model -> new long[2]);
            long n = ((Number) group.get("n")).longValue();
            counts[0] += n;
            if (key.get(LABEL) != null && key.get(LABEL).equals(key.get(DIGIT))) {
                counts[1] += n;
            }
        }
        return byModel.entrySet().stream()
                .map(entry -> new ModelOnDrawings(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .sorted((a, b) -> Long.compare(b.labelled(), a.labelled()))
                .toList();
    }

    /**
     * One page (from 1) of the labels in {@code review}, newest label first. The server first counts the
     * labels of each ten minutes ({@code labelledAt} is ISO-8601, so its first 15 characters name them),
     * newest first; the page's labels are then read from just the ten-minute spans it covers, sorted and
     * skipped within them. A sort of every label in the state, as {@code find().sort().skip()} asks, costs
     * the embedded server (which sorts in memory, without the index) most of a second at 20,000 labels; on
     * MongoDB the index {@code review_labelledAt} serves both steps.
     */
    public LabelPage labels(Review review, int page, int size) {
        var inState = Filters.eq(REVIEW, review.name());
        var spans = labels().aggregate(List.of(Aggregates.match(inState),
                Aggregates.group(new Document("$substrBytes", List.of("$" + LABELLED_AT, 0, SPAN_PREFIX)), Accumulators.sum("n", 1)),
                Aggregates.sort(Sorts.descending(ID))));
        long offset = (long) (page - 1) * size;
        long total = 0;
        long before = 0;
        String newest = null;
        String oldest = null;
        for (var span : spans) {
            long n = ((Number) span.get("n")).longValue();
            if (newest == null && total + n > offset) {
                newest = span.getString(ID);
                before = total;
            }
            total += n;
            if (newest != null && oldest == null && total >= offset + size) {
                oldest = span.getString(ID);
            }
        }
        var drawings = new ArrayList<LabelledDrawing>();
        if (newest != null) {
            var window = Filters.and(inState, Filters.gte(LABELLED_AT, oldest == null ? "" : oldest),
                    Filters.lt(LABELLED_AT, newest + Character.MAX_VALUE));
            for (var label : labels().find(window).sort(Sorts.descending(LABELLED_AT)).skip((int) (offset - before)).limit(size)) {
                drawings.add(listed(label));
            }
        }
        return new LabelPage(List.copyOf(drawings), page, size, total);
    }

    private static LabelledDrawing listed(Document label) {
        boolean number = label.getString(NUMBER_LABEL) != null;
        var read = number ? label.getString(NUMBER) : label.getInteger(DIGIT) == null ? null : String.valueOf(label.getInteger(DIGIT));
        var said = number ? label.getString(NUMBER_LABEL) : String.valueOf(label.getInteger(LABEL));
        return new LabelledDrawing(label.getString(ID), number, read, said, label.getString(MODEL),
                Instant.parse(label.getString(LABELLED_AT)), Review.valueOf(label.getString(REVIEW)));
    }

    /** Records the admin's verdict on these labels; answers how many changed. */
    public long review(Collection<String> drawingIds, Review verdict) {
        if (drawingIds.isEmpty()) {
            return 0;
        }
        return labels().updateMany(Filters.in(ID, drawingIds), Updates.set(REVIEW, verdict.name())).getModifiedCount();
    }
}
