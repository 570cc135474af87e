package app.digits.registry.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Which model the cluster serves: one document in {@code served_model}, written by whichever instance serves a
 * model (the admin's hot swap, a training run's promotion) and read by every instance, which follows it. It
 * replaces the {@code active-model.txt} file of single-instance installations, read once to seed it.
 */
public class ServedPointer {

    public static final String COLLECTION = "served_model";
    private static final String ID = "served";

    private final MongoCollection<Document> collection;

    public ServedPointer(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Which model, since when, chosen by which instance. */
    public record Pointer(String modelId, Instant servedAt, String servedBy) {
    }

    /** The model every instance should serve, if one was ever chosen. */
    public Optional<Pointer> current() {
        return Optional.ofNullable(collection.find(Filters.eq("_id", ID)).first()).map(document -> new Pointer(
                document.getString("modelId"), document.getDate("servedAt").toInstant(), document.getString("servedBy")));
    }

    /** Points every instance at this model; {@code by} names the instance, for the record. */
    public void point(String modelId, String by, Instant at) {
        collection.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("modelId", modelId).append("servedBy", by)
                .append("servedAt", Date.from(at)), new ReplaceOptions().upsert(true));
    }

    /** Points at this model only when no model was ever pointed at (the migration of a local pointer file). */
    public void pointIfUnset(String modelId, String by, Instant at) {
        collection.updateOne(Filters.eq("_id", ID), new Document("$setOnInsert", new Document("modelId", modelId)
                .append("servedBy", by).append("servedAt", Date.from(at))), new UpdateOptions().upsert(true));
    }
}
