package app.digits.admin.control;

import app.digits.platform.control.Expiry;
import app.digits.platform.control.Upserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Slows down password guessing on the admin area, for the whole cluster. Failed logins are counted per client
 * address and per user name (so neither many names from one address nor one name from many addresses goes
 * unchecked); beyond a few free failures a key is blocked for a delay that doubles with each further failure,
 * up to a ceiling. A success clears both keys, and a key that has not failed for a while is forgotten. While a
 * key is blocked every attempt, right or wrong, is refused unseen, so guessing during the delay learns nothing.
 *
 * <p>The counts live in MongoDB ({@code login_failures}, one document per key: the count, the last failure,
 * and {@code forgetAt} under a TTL index), so a guess on one instance counts on every instance. A failure is
 * one atomic upsert ({@code $inc} of the count, {@code $max} of the times), so concurrent failures on several
 * instances are all counted; the delay is worked out from the count and the last failure when a login is
 * checked. The collection stays small: MongoDB's TTL monitor deletes forgotten keys, and each failure deletes
 * the forgotten ones itself too (the embedded server has no TTL monitor). It knows nothing of HTTP: the admin
 * authentication mechanism calls it around the identity store.
 */
public final class LoginThrottle {

    public static final String COLLECTION = "login_failures";

    /** The rules: failures allowed without delay, the first delay and its ceiling, how long a quiet key is remembered. */
    public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
        public Policy {
            if (freeFailures < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.isNegative()) {
                throw new IllegalArgumentException("Invalid login throttle settings: " + this);
            }
        }

        /** How long a key is kept after its last failure: long enough to be forgotten and for its block to end. */
        Duration keep() {
            return forgetAfter.compareTo(maxDelay) > 0 ? forgetAfter : maxDelay;
        }
    }

    private final Policy policy;
    private final Clock clock;
    private final Supplier<MongoDatabase> database;

    /** A throttle on the database the supplier gives at each call (it may not be connected yet when this is made). */
    public LoginThrottle(Policy policy, Clock clock, Supplier<MongoDatabase> database) {
        this.policy = policy;
        this.clock = clock;
        this.database = database;
    }

    /** Creates the TTL index that lets MongoDB forget quiet keys; idempotent. */
    public static void ensureIndexes(MongoDatabase database) {
        Expiry.ensureIndex(database.getCollection(COLLECTION));
    }

    /** How long the caller must wait before this address may try this user name again; empty if it may now. */
    public Optional<Duration> wait(String address, String user) {
        var now = clock.instant();
        var longest = Duration.ZERO;
        for (var failures : failures().find(Filters.and(Filters.in("_id", keysOf(address, user)),
                Filters.gt("forgetAt", Date.from(now))))) {
            int beyond = failures.getInteger("count") - policy.freeFailures();
            if (beyond > 0) {
                var left = Duration.between(now, failures.getDate("last").toInstant().plus(delayAfter(beyond)));
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    /** Records a wrong password (or user name) for the address and the user name. */
    public void failed(String address, String user) {
        var now = clock.instant();
        var collection = failures();
        // Forgotten keys go first, this one among them if it is: it then starts again from one failure.
        Expiry.forget(collection, now);
        for (var key : keysOf(address, user)) {
            Upserts.apply(collection, key, Updates.combine(Updates.inc("count", 1), Updates.max("last", Date.from(now)),
                    Updates.max("forgetAt", Date.from(now.plus(policy.keep())))));
        }
    }

    /** Records a successful login: the address and the user name start afresh. */
    public void succeeded(String address, String user) {
        failures().deleteMany(Filters.in("_id", keysOf(address, user)));
    }

    private MongoCollection<Document> failures() {
        return database.get().getCollection(COLLECTION);
    }

    private Duration delayAfter(int beyond) {
        int doublings = Math.min(beyond - 1, 30);
        var delay = policy.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    private static List<String> keysOf(String address, String user) {
        return List.of("address:" + address, "user:" + user);
    }
}
