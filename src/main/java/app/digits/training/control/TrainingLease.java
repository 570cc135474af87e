package app.digits.training.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The right to run a training run, one holder in the whole cluster: a single document in
 * {@code training_lease} naming the instance and the run, and until when. It is taken with one atomic
 * upsert that matches only a free, expired or already own lease, so two instances racing for it cannot both
 * win (the loser's insert hits the unique {@code _id}); a lease seen held is refused before trying. The holder renews it while the run goes on, and a
 * holder that died stops renewing, so its lease expires and can be taken over. A stop request from any
 * instance is a flag on the lease, which the holder reads when it renews.
 */
public class TrainingLease {

    public static final String COLLECTION = "training_lease";
    private static final String ID = "training";

    /** Who holds the lease, for which run, until when, and whether someone asked that run to stop. */
    public record Holder(String owner, String runId, Instant expiresAt, boolean stopRequested) {
    }

    private final MongoCollection<Document> leases;
    private final String owner;
    private final Duration term;
    private final Clock clock;

    public TrainingLease(MongoDatabase database, String owner, Duration term, Clock clock) {
        this.leases = database.getCollection(COLLECTION);
        this.owner = owner;
        this.term = term;
        this.clock = clock;
    }

    /**
     * Takes the lease for {@code runId} (or renews it when this instance holds it for that run already); throws
     * a conflict (answered 409) naming the run that holds it elsewhere.
     */
    public Holder acquire(String runId) {
        var held = holder().filter(holder -> !(holder.owner().equals(owner) && holder.runId().equals(runId)));
        if (held.isPresent()) {
            throw conflict(held);
        }
        var now = clock.instant();
        var takeable = Filters.and(Filters.eq("_id", ID), Filters.or(Filters.lte("expiresAt", Date.from(now)),
                Filters.and(Filters.eq("owner", owner), Filters.eq("runId", runId))));
        var update = Updates.combine(Updates.set("owner", owner), Updates.set("runId", runId),
                Updates.set("expiresAt", Date.from(now.plus(term))), Updates.set("stopRequested", false));
        try {
            return holder(leases.findOneAndUpdate(takeable, update,
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        } catch (MongoWriteException | MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another instance took it between the read above and this upsert.
            throw conflict(holder());
        }
    }

    private static TrainingException conflict(Optional<Holder> holder) {
        return TrainingException.conflict(holder.map(h -> "Training run " + h.runId() + " is still going on " + h.owner())
                .orElse("Another training run just started"));
    }

    /** Extends this instance's lease on {@code runId}; empty when it lost it (expired and taken over). */
    public Optional<Holder> renew(String runId) {
        return Optional.ofNullable(leases.findOneAndUpdate(own(runId),
                Updates.set("expiresAt", Date.from(clock.instant().plus(term))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(TrainingLease::holder);
    }

    /** Gives the lease back at the end of the run. */
    public void release(String runId) {
        leases.deleteOne(own(runId));
    }

    /** Asks the run that holds the lease to stop; false when no run holds it. */
    public boolean requestStop() {
        return leases.updateOne(Filters.and(Filters.eq("_id", ID), Filters.gt("expiresAt", Date.from(clock.instant()))),
                Updates.set("stopRequested", true)).getMatchedCount() > 0;
    }

    /** The live holder, if any: an expired lease holds nothing. */
    public Optional<Holder> holder() {
        return Optional.ofNullable(leases.find(Filters.eq("_id", ID)).first()).map(TrainingLease::holder)
                .filter(holder -> holder.expiresAt().isAfter(clock.instant()));
    }

    /** The term of the lease; the holder renews it a few times per term. */
    public Duration term() {
        return term;
    }

    private Bson own(String runId) {
        return Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner), Filters.eq("runId", runId));
    }

    private static Holder holder(Document document) {
        return new Holder(document.getString("owner"), document.getString("runId"), document.getDate("expiresAt").toInstant(),
                Boolean.TRUE.equals(document.getBoolean("stopRequested")));
    }
}
