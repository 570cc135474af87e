package app.digits.drawing.control;

import app.digits.prediction.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import app.digits.platform.control.AttemptLimiter;
import app.digits.platform.control.ProblemException;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores what people say their drawing really was ("that was a 7"), confirming or correcting the model.
 * Labelled drawings measure the model on real drawings and, once the admin accepted them, can join the next
 * training run (a new or changed label waits for review). Anyone may label, so each client address gets a
 * bounded number of labels per window, counted in MongoDB so every instance shares the count.
 */
@ApplicationScoped
public class Corrections {

    @Inject
    Drawings drawings;

    @Inject
    DrawingArchive archive;

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "digits.labels.per-client", defaultValue = "60")
    int labelsPerClient;

    @Inject
    @ConfigProperty(name = "digits.labels.window-seconds", defaultValue = "600")
    long windowSeconds;

    private AttemptLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new AttemptLimiter(database, "labels-client", "labels from this address", labelsPerClient,
                Duration.ofSeconds(windowSeconds), Clock.systemUTC());
    }

    /** Labels a drawing for {@code client} (its address), within that client's allowance. */
    public Drawing label(String drawingId, int digit, String client) {
        if (digit < 0 || digit > 9) {
            throw ProblemException.badRequest("A label is a digit from 0 to 9, got " + digit);
        }
        var drawing = drawings.findById(drawingId)
                .orElseThrow(() -> ProblemException.notFound("No drawing with id " + drawingId));
        limiter.acquire(client);
        try {
            drawing.label(digit);
        } catch (IllegalStateException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
        var saved = drawings.save(drawing);
        archive.labelled(saved);
        return saved;
    }
}
