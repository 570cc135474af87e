package app.digits.training.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The progress of the latest training run as one document in {@code training_progress}, written by the
 * instance that runs it at every step and read by the others, so every instance's dashboard shows the same
 * run. Only the facts are stored (start, end, outcome, each model's step); shares and estimates are computed
 * by the reader.
 */
public class ProgressBoard {

    public static final String COLLECTION = "training_progress";
    private static final String ID = "current";

    /** A run's facts; {@code endedAt} is null while it goes on. */
    public record State(String runId, Instant startedAt, Instant endedAt, String outcome, List<TrainingProgress.ModelStep> models) {
    }

    private final MongoCollection<Document> collection;

    public ProgressBoard(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public void publish(State state) {
        var models = state.models().stream().map(step -> new Document("algorithm", step.algorithm().key())
                .append("phase", step.phase().name()).append("point", step.point()).append("points", step.points())
                .append("share", step.share()).append("result", step.result())).toList();
        collection.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("runId", state.runId())
                .append("startedAt", Date.from(state.startedAt()))
                .append("endedAt", state.endedAt() == null ? null : Date.from(state.endedAt()))
                .append("outcome", state.outcome()).append("models", models), new ReplaceOptions().upsert(true));
    }

    public Optional<State> read() {
        return Optional.ofNullable(collection.find(Filters.eq("_id", ID)).first()).map(document -> new State(
                document.getString("runId"), document.getDate("startedAt").toInstant(),
                Optional.ofNullable(document.getDate("endedAt")).map(Date::toInstant).orElse(null), document.getString("outcome"),
                document.getList("models", Document.class).stream().map(step -> new TrainingProgress.ModelStep(
                        Algorithm.parse(step.getString("algorithm")), TrainingProgress.Phase.valueOf(step.getString("phase")),
                        step.getInteger("point"), step.getInteger("points"), step.getDouble("share"), step.getString("result")))
                        .toList()));
    }
}
