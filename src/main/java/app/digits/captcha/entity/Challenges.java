package app.digits.captcha.entity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The challenges in MongoDB ({@code captcha_challenges}), so several instances share them: one document per
 * token with the expected answer, the puzzle, the deadline, whether it was answered, and the pass it earned.
 * Consuming a challenge and redeeming a pass are single atomic updates, so a token or a pass counts once
 * even under concurrent requests. Each document carries {@code forgetAt}, when even a precise "replayed" or
 * "expired" no longer matters: a TTL index deletes it then on MongoDB, and {@link #forget} does the same for
 * the embedded server, which has no TTL monitor.
 */
public class Challenges {

    public static final String COLLECTION = "captcha_challenges";

    /** What redeeming a pass found: a live pass, an expired one, one already redeemed, or none. */
    public enum Redemption {
        VALID, EXPIRED, REDEEMED, UNKNOWN
    }

    private final MongoCollection<Document> collection;

    public Challenges(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Creates the indexes if missing; the same options every time, so it is safe at every start. */
    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending("forgetAt"), new IndexOptions().name("forgetAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
        collection.createIndex(Indexes.ascending("pass"), new IndexOptions().name("pass").sparse(true));
    }

    public void store(Challenge challenge, Instant forgetAt) {
        var document = new Document("_id", challenge.token())
                .append("session", challenge.sessionId())
                .append("kind", challenge.kind().name())
                .append("digit", challenge.digit())
                .append("puzzle", new Document("algorithm", challenge.puzzle().algorithm()).append("salt", challenge.puzzle().salt())
                        .append("target", challenge.puzzle().target()).append("maxNumber", challenge.puzzle().maxNumber()))
                .append("expiresAt", Date.from(challenge.expiresAt()))
                .append("answered", false)
                .append("forgetAt", Date.from(forgetAt));
        if (challenge.question() != null) {
            document.append("question", new Document("form", challenge.question().form().name())
                    .append("first", challenge.question().first()).append("second", challenge.question().second()));
        }
        collection.insertOne(document);
    }

    /** Marks an open challenge answered and returns it; empty when it was never issued or already answered. */
    public Optional<Challenge> consume(String token) {
        return Optional.ofNullable(collection.findOneAndUpdate(Filters.and(Filters.eq("_id", token), Filters.eq("answered", false)),
                Updates.set("answered", true))).map(Challenges::challenge);
    }

    public boolean exists(String token) {
        return collection.find(Filters.eq("_id", token)).projection(new Document("_id", 1)).first() != null;
    }

    public void grantPass(String token, String pass, Instant passExpiresAt, Instant forgetAt) {
        collection.updateOne(Filters.eq("_id", token), Updates.combine(Updates.set("pass", pass),
                Updates.set("passExpiresAt", Date.from(passExpiresAt)), Updates.set("redeemed", false),
                Updates.set("forgetAt", Date.from(forgetAt))));
    }

    public Redemption redeem(String pass, Instant now) {
        var found = collection.findOneAndUpdate(Filters.and(Filters.eq("pass", pass), Filters.eq("redeemed", false)),
                Updates.set("redeemed", true));
        if (found == null) {
            return collection.find(Filters.eq("pass", pass)).first() != null ? Redemption.REDEEMED : Redemption.UNKNOWN;
        }
        return now.isBefore(found.getDate("passExpiresAt").toInstant()) ? Redemption.VALID : Redemption.EXPIRED;
    }

    /** Deletes what is past its {@code forgetAt}. */
    public void forget(Instant now) {
        collection.deleteMany(Filters.lt("forgetAt", Date.from(now)));
    }

    private static Challenge challenge(Document document) {
        var puzzle = document.get("puzzle", Document.class);
        var question = document.get("question", Document.class);
        return new Challenge(document.getString("_id"), document.getString("session"), Challenge.Kind.valueOf(document.getString("kind")),
                document.getInteger("digit"),
                question == null ? null : new Question(Question.Form.valueOf(question.getString("form")),
                        question.getInteger("first"), question.getInteger("second")),
                new Puzzle(puzzle.getString("algorithm"), puzzle.getString("salt"), puzzle.getString("target"),
                        ((Number) puzzle.get("maxNumber")).longValue()),
                document.getDate("expiresAt").toInstant());
    }
}
