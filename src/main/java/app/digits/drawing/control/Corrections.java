package app.digits.drawing.control;

import app.digits.prediction.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import app.digits.platform.control.AttemptLimiter;
import app.digits.platform.control.ProblemException;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import app.digits.prediction.control.Recognizer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores what people say their drawing really was ("that was a 7", "that number is 1984"), confirming or
 * correcting the model; digits and numbers take the same path and share one allowance.
 * Labelled drawings measure the model on real drawings and, once the admin accepted them, can join the next
 * training run (a new or changed label waits for review). Anyone may label, so each client address gets a
 * bounded number of labels per window, counted in MongoDB so every instance shares the count.
 */
@ApplicationScoped
public class Corrections {

    private static final int MAX_SHOWN_ID = 64;

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
        return apply(drawingId, client, drawing -> drawing.label(digit));
    }

    /**
     * Says what a number drawing really reads ({@code number}: 1 to {@value Recognizer#MAX_DIGITS} digits), for
     * {@code client}, within the same allowance as the labels of single digits.
     */
    public Drawing correctNumber(String drawingId, String number, String client) {
        if (number == null || !number.matches("[0-9]{1," + Recognizer.MAX_DIGITS + "}")) {
            throw ProblemException.badRequest("A number is 1 to " + Recognizer.MAX_DIGITS + " digits 0-9, got '"
                    + (number == null ? "" : number.substring(0, Math.min(number.length(), 2 * Recognizer.MAX_DIGITS))) + "'");
        }
        return apply(drawingId, client, drawing -> drawing.labelNumber(number));
    }

    /** The 404 for an id no stored drawing has, showing at most the id's first {@value #MAX_SHOWN_ID} characters. */
    public static ProblemException unknown(String id) {
        return ProblemException.notFound("No prediction with id " + (id.length() <= MAX_SHOWN_ID ? id : id.substring(0, MAX_SHOWN_ID) + "…"));
    }

    /** Finds the drawing, counts the attempt, applies the label (409 when the drawing cannot take it), stores and lists it for review. */
    private Drawing apply(String drawingId, String client, Consumer<Drawing> label) {
        if (drawingId == null || drawingId.isBlank()) {
            throw ProblemException.badRequest("Say which drawing: its id is missing");
        }
        var drawing = drawings.findById(drawingId).orElseThrow(() -> unknown(drawingId));
        limiter.acquire(client);
        try {
            label.accept(drawing);
        } catch (IllegalStateException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
        var saved = drawings.save(drawing);
        archive.labelled(saved);
        return saved;
    }
}
