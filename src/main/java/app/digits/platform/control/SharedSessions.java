package app.digits.platform.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The little a visitor's session holds (the admin's CSRF token, the captcha's "human until", the drawings the
 * drawing page may replace), kept in MongoDB ({@code sessions}, one document per session id) so that every
 * instance behind the load balancer sees the same session without session affinity and without Payara's
 * session replication. Replication needed a distributable web app, for which Payara adds a
 * {@code JSESSIONIDVERSION} cookie that clients keeping cookies as RFC 2965 says (Java's
 * {@code CookieManager}) send back in a form Payara cannot parse, answering every such request with an empty
 * 200. Each feature owns its fields; every write is one atomic update of one field (concurrent requests of one
 * session never overwrite each other's fields) and pushes {@code forgetAt} back by the idle time, for a TTL
 * index on MongoDB and {@link #forget} on the embedded server. Reads never write.
 */
public final class SharedSessions {

    public static final String COLLECTION = "sessions";

    private final Supplier<MongoDatabase> database;
    private final Clock clock;
    private final Duration idle;

    public SharedSessions(Supplier<MongoDatabase> database, Clock clock, Duration idle) {
        this.database = database;
        this.clock = clock;
        this.idle = idle;
    }

    public static void ensureIndexes(MongoDatabase database) {
        Expiry.ensureIndex(database.getCollection(COLLECTION));
    }

    /** Deletes the sessions idle for longer than the idle time (MongoDB's TTL monitor does it too). */
    public void forget() {
        Expiry.forget(sessions(), clock.instant());
    }

    /** The session's text field, if it has one. */
    public Optional<String> text(String session, String field) {
        return live(session).map(document -> document.getString(field));
    }

    /** The session's time field, if it has one. */
    public Optional<Instant> instant(String session, String field) {
        return live(session).map(document -> document.getDate(field)).map(Date::toInstant);
    }

    /** The session's list field, oldest first; empty when it has none. */
    public List<String> texts(String session, String field) {
        return live(session).map(document -> document.getList(field, String.class)).orElse(List.of());
    }

    /** The session's text field, given {@code fresh}'s value first if it had none (also when two requests race). */
    public String textOrSet(String session, String field, Supplier<String> fresh) {
        var existing = touch(session, Updates.combine()).getString(field);
        if (existing != null) {
            return existing;
        }
        sessions().updateOne(Filters.and(Filters.eq("_id", session), Filters.exists(field, false)), Updates.set(field, fresh.get()));
        return sessions().find(Filters.eq("_id", session)).first().getString(field);
    }

    /** Sets a time field. */
    public void set(String session, String field, Instant value) {
        touch(session, Updates.set(field, Date.from(value)));
    }

    /** Appends to a list field, keeping its last {@code keep} values. */
    public void append(String session, String field, String value, int keep) {
        touch(session, Updates.pushEach(field, List.of(value), new PushOptions().slice(-keep)));
    }

    private Document touch(String session, Bson update) {
        return Upserts.apply(sessions(), session, Updates.combine(update,
                Updates.set(Expiry.FIELD, Date.from(clock.instant().plus(idle)))));
    }

    private Optional<Document> live(String session) {
        return Optional.ofNullable(sessions().find(Filters.and(Filters.eq("_id", session),
                Filters.gt(Expiry.FIELD, Date.from(clock.instant())))).first());
    }

    private MongoCollection<Document> sessions() {
        return database.get().getCollection(COLLECTION);
    }
}
