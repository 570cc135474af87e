package app.digits.drawing.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.drawing.entity.LabelPage;
import app.digits.drawing.entity.LabelledDrawing;
import app.digits.drawing.entity.ModelOnDrawings;
import app.digits.drawing.entity.Review;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the {@code drawings} collection the way volumes demand: every count is counted by the server, every
 * list is one page with a projection that leaves the images out, the scores per model are grouped by the
 * server, and the indexes these queries use are created at start (idempotently, valid on MongoDB 7/8 too).
 * JNoSQL writes instants as ISO-8601 strings, which sort in time order.
 * Anyone can post drawings, so nothing here may grow with the number stored. JNoSQL's template would
 * select whole documents, originals included, to count or group them: this class uses the driver.
 */
@ApplicationScoped
public class DrawingArchive {

    static final String COLLECTION = "drawings";
    private static final String REVIEW = "review";
    private static final String LABELLED_AT = "labelledAt";
    private static final String LABEL = "label";
    private static final String DIGIT = "digit";
    private static final String MODEL = "modelId";
    private static final String ID = "_id";

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "digits.training.max-drawings", defaultValue = "50000")
    int maxTrainingDrawings;

    private MongoCollection<Document> drawings() {
        return database.getCollection(COLLECTION);
    }

    /**
     * Creates the indexes of the review queries, and puts labels given before reviews existed into the
     * review queue. Both are idempotent: a second start changes nothing.
     */
    public void prepare() {
        drawings().createIndex(Indexes.compoundIndex(Indexes.ascending(REVIEW), Indexes.descending(LABELLED_AT)),
                new IndexOptions().name("review_labelledAt"));
        drawings().updateMany(Filters.and(Filters.exists(LABEL), Filters.ne(LABEL, null), Filters.exists(REVIEW, false)),
                Updates.set(REVIEW, Review.PENDING.name()));
    }

    /** How many drawings are stored, counted by the server. */
    public long count() {
        return drawings().countDocuments();
    }

    /** How many labels wait for review, were accepted and were rejected. */
    public Map<Review, Long> reviewCounts() {
        var counts = new EnumMap<Review, Long>(Review.class);
        for (var review : Review.values()) {
            counts.put(review, drawings().countDocuments(Filters.eq(REVIEW, review.name())));
        }
        return counts;
    }

    /**
     * Each model's score on the labelled drawings: the server groups the labels by model, label and digit
     * read (at most models x 100 groups), whatever the number of drawings.
     */
    public List<ModelOnDrawings> scoresByModel() {
        var groups = drawings().aggregate(List.of(
                Aggregates.match(Filters.exists(REVIEW)),
                Aggregates.group(new Document(MODEL, "$" + MODEL).append(LABEL, "$" + LABEL).append(DIGIT, "$" + DIGIT),
                        Accumulators.sum("n", 1))));
        Map<String, long[]> byModel = new TreeMap<>();
        for (var group : groups) {
            var key = group.get(ID, Document.class);
            var model = key.getString(MODEL);
            var counts = byModel.computeIfAbsent(model == null ? "" : model, m -> new long[2]);
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

    /** One page (from 1) of the labels in {@code review}, newest label first, without images. */
    public LabelPage labels(Review review, int page, int size) {
        var filter = Filters.eq(REVIEW, review.name());
        long total = drawings().countDocuments(filter);
        var found = drawings().find(filter)
                .projection(Projections.include(DIGIT, LABEL, MODEL, LABELLED_AT, REVIEW))
                .sort(Sorts.descending(LABELLED_AT))
                .skip((page - 1) * size)
                .limit(size);
        var drawings = new ArrayList<LabelledDrawing>();
        for (var document : found) {
            drawings.add(new LabelledDrawing(document.get(ID).toString(), document.getInteger(DIGIT),
                    document.getInteger(LABEL), document.getString(MODEL), Instant.parse(document.getString(LABELLED_AT)),
                    Review.valueOf(document.getString(REVIEW))));
        }
        return new LabelPage(List.copyOf(drawings), page, size, total);
    }

    /** Records the admin's verdict on these labelled drawings; answers how many changed. */
    public long review(Collection<String> ids, Review verdict) {
        if (ids.isEmpty()) {
            return 0;
        }
        return drawings().updateMany(Filters.and(Filters.in(ID, ids), Filters.exists(REVIEW)),
                Updates.set(REVIEW, verdict.name())).getModifiedCount();
    }

    /**
     * The labelled drawings the admin accepted, as training images (the 28x28 image the model saw and the
     * label), newest first, at most the configured number; read in batches with only those two fields.
     */
    public List<LabelledImage> acceptedTrainingImages() {
        var images = new ArrayList<LabelledImage>();
        Bson accepted = Filters.and(Filters.eq(REVIEW, Review.ACCEPTED.name()), Filters.ne("pixels", null));
        for (var document : drawings().find(accepted).projection(Projections.include("pixels", LABEL))
                .sort(Sorts.descending(LABELLED_AT)).limit(maxTrainingDrawings).batchSize(1000)) {
            images.add(new LabelledImage(document.getInteger(LABEL), document.get("pixels", Binary.class).getData()));
        }
        return images;
    }
}
