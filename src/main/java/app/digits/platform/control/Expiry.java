package app.digits.platform.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * How the collections of short-lived documents (attempt counters, failed logins, sessions) expire: each
 * document carries {@code forgetAt}, a TTL index on it lets MongoDB delete it within a minute of that time,
 * and {@link #forget} deletes the expired ones where no TTL monitor runs (the embedded server).
 */
public final class Expiry {

    public static final String FIELD = "forgetAt";

    private Expiry() {
    }

    /** Creates the TTL index on {@code forgetAt}; idempotent. */
    public static void ensureIndex(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(FIELD), new IndexOptions().name("forgetAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Deletes the documents whose {@code forgetAt} has passed. */
    public static void forget(MongoCollection<Document> collection, Instant now) {
        collection.deleteMany(Filters.lte(FIELD, Date.from(now)));
    }
}
