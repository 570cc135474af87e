package app.digits.drawing.control;

import app.digits.platform.control.BatchQueue;
import app.digits.platform.control.MongoConnection;
import app.digits.prediction.entity.Drawing;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of the drawings the API answers: one writer inserts the drawings of many concurrent requests
 * with one unordered {@code insertMany}, and each request is answered only once the database acknowledged
 * its own drawing (with the connection's write concern), so no answered drawing is lost and a database round
 * trip is shared by a whole batch instead of paid per request. A drawing the database refuses fails its own
 * request only; a batch that cannot be written at all (the database away) fails all its requests, which the
 * API answers with 503. At most {@code digits.drawings.commit-queue} drawings wait; beyond, 503 and
 * {@code Retry-After}.
 */
@ApplicationScoped
public class DrawingCommitter {

    @Inject
    MongoConnection connection;

    @Inject
    @ConfigProperty(name = "digits.drawings.commit-batch", defaultValue = "64")
    int batchSize;

    @Inject
    @ConfigProperty(name = "digits.drawings.commit-wait-micros", defaultValue = "0")
    long waitMicros;

    @Inject
    @ConfigProperty(name = "digits.drawings.commit-queue", defaultValue = "1024")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "digits.mongodb.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    private Supplier<MongoCollection<Document>> drawings;
    private BatchQueue<Drawing, Drawing> queue;

    public DrawingCommitter() {
    }

    DrawingCommitter(MongoCollection<Document> drawings, int batchSize, long waitMicros, int queueCapacity) {
        this.drawings = () -> drawings;
        this.batchSize = batchSize;
        this.waitMicros = waitMicros;
        this.queueCapacity = queueCapacity;
        this.retryAfterSeconds = 1;
        start();
    }

    @PostConstruct
    void init() {
        drawings = () -> connection.database().getCollection(DrawingArchive.DRAWINGS);
        start();
    }

    private void start() {
        queue = new BatchQueue<>(new BatchQueue.Settings("digits-drawing-commit", batchSize, Duration.ofNanos(waitMicros * 1000),
                queueCapacity, "The server has " + queueCapacity + " drawings waiting to be stored already; nothing was stored, try again in a moment",
                Duration.ofSeconds(retryAfterSeconds)), this::insert);
    }

    /** Stores the drawing with the others that arrive meanwhile; returns once the database acknowledged it. */
    public Drawing store(Drawing drawing) {
        return queue.submit(drawing);
    }

    private void insert(List<BatchQueue.Item<Drawing, Drawing>> batch) {
        var documents = batch.stream().map(item -> DrawingDocuments.of(item.value())).toList();
        try {
            drawings.get().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            var refused = new HashMap<Integer, BulkWriteError>();
            e.getWriteErrors().forEach(error -> refused.put(error.getIndex(), error));
            for (int i = 0; i < batch.size(); i++) {
                var error = refused.get(i);
                if (error == null) {
                    batch.get(i).done(batch.get(i).value());
                } else {
                    batch.get(i).failed(new MongoWriteException(new WriteError(error.getCode(), error.getMessage(), error.getDetails()),
                            e.getServerAddress(), e.getErrorLabels()));
                }
            }
            return;
        }
        batch.forEach(item -> item.done(item.value()));
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
