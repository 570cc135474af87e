package app.digits.platform.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Counts attempts per key (a client address, a session) in fixed windows, in MongoDB ({@code attempts}),
 * so the count survives dropped cookies and is shared by every instance; one
 * atomic upsert per attempt. A fixed window lets a client spend at most twice its allowance across a window
 * boundary, which is enough to cut brute force short. Counters carry {@code forgetAt} (the end of their
 * window) for a TTL index on MongoDB and {@link #forget} on the embedded server.
 */
public class AttemptLimiter {

    public static final String COLLECTION = "attempts";

    private final MongoCollection<Document> counters;
    private final String name;
    private final String description;
    private final int allowed;
    private final Duration window;
    private final Clock clock;

    /** A limiter whose counters are named {@code name}; {@code description} says what is counted, in words. */
    public AttemptLimiter(MongoDatabase database, String name, String description, int allowed, Duration window, Clock clock) {
        this.counters = database.getCollection(COLLECTION);
        this.name = name;
        this.description = description;
        this.allowed = allowed;
        this.window = window;
        this.clock = clock;
    }

    public static void ensureIndexes(MongoDatabase database) {
        Expiry.ensureIndex(database.getCollection(COLLECTION));
    }

    public static void forget(MongoDatabase database, Instant now) {
        Expiry.forget(database.getCollection(COLLECTION), now);
    }

    /**
     * Records an attempt for {@code key}; throws a 429 {@link ProblemException} (with the time until the window
     * ends) when the key already used its allowance in the current window.
     */
    public void acquire(String key) {
        var now = clock.instant();
        long windowMillis = window.toMillis();
        var windowEnd = Instant.ofEpochMilli((now.toEpochMilli() / windowMillis + 1) * windowMillis);
        var id = name + ":" + key + "@" + windowEnd.toEpochMilli();
        int count = increment(id, windowEnd);
        if (count > allowed) {
            var wait = Duration.between(now, windowEnd);
            throw ProblemException.tooManyRequests("Too many " + description + "; try again in "
                    + ProblemException.wholeSeconds(wait) + " seconds", wait);
        }
    }

    private int increment(String id, Instant windowEnd) {
        return Upserts.apply(counters, id, Updates.combine(Updates.inc("count", 1),
                Updates.setOnInsert(Expiry.FIELD, Date.from(windowEnd)))).getInteger("count");
    }
}
