package app.digits.captcha.control;

import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Outcome;
import app.digits.imaging.control.UploadLimits;
import app.digits.platform.control.DatabaseConnected;
import app.digits.platform.control.SharedSessions;
import app.digits.prediction.control.DrawingInput;
import app.digits.prediction.control.Recognizer;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The captcha as the pages and the API use it: one challenge book with the configured rules over the
 * application's MongoDB, the served model to read drawings (classify only: a captcha answer is never
 * stored), and the server-side mark of a session that proved human (kept in the shared session, never in a
 * cookie the client could forge). Its indexes are created when start-up has connected to MongoDB
 * ({@link DatabaseConnected}), never while the application deploys.
 */
@ApplicationScoped
public class Captcha {

    private static final String HUMAN_UNTIL = "humanUntil";

    @Inject
    @ConfigProperty(name = "digits.captcha.challenge-seconds", defaultValue = "120")
    long challengeSeconds;

    @Inject
    @ConfigProperty(name = "digits.captcha.pass-seconds", defaultValue = "300")
    long passSeconds;

    @Inject
    @ConfigProperty(name = "digits.captcha.min-confidence", defaultValue = "0.7")
    double minConfidence;

    @Inject
    @ConfigProperty(name = "digits.captcha.attempts-per-session", defaultValue = "5")
    int attemptsPerSession;

    @Inject
    @ConfigProperty(name = "digits.captcha.attempts-per-client", defaultValue = "30")
    int attemptsPerClient;

    @Inject
    @ConfigProperty(name = "digits.captcha.challenges-per-client", defaultValue = "60")
    int challengesPerClient;

    @Inject
    @ConfigProperty(name = "digits.captcha.attempt-window-seconds", defaultValue = "600")
    long attemptWindowSeconds;

    @Inject
    @ConfigProperty(name = "digits.captcha.proof-of-work-max-number", defaultValue = "100000")
    long proofOfWorkMaxNumber;

    @Inject
    @ConfigProperty(name = "digits.captcha.human-minutes", defaultValue = "30")
    long humanMinutes;

    @Inject
    UploadLimits uploads;

    @Inject
    MongoDatabase database;

    @Inject
    Recognizer recognizer;

    @Inject
    SharedSessions sessions;

    private ChallengeBook book;

    @PostConstruct
    void init() {
        book = new ChallengeBook(new ChallengeBook.Rules(Duration.ofSeconds(challengeSeconds), Duration.ofSeconds(passSeconds),
                minConfidence, attemptsPerSession, attemptsPerClient, challengesPerClient, Duration.ofSeconds(attemptWindowSeconds),
                proofOfWorkMaxNumber), Clock.systemUTC(), database, uploads.decoder());
    }

    void prepare(@Observes DatabaseConnected connected) {
        book.ensureIndexes();
    }

    public ChallengeBook.Issued issue(String session, String client, Challenge.Kind kind) {
        sessions.forget();
        return book.issue(session, client, kind);
    }

    /** Judges an answer; a pass also marks the session as human for the configured time. */
    public ChallengeBook.Verdict answer(String token, String session, String client, Answer answer) {
        var verdict = book.answer(token, session, client, answer, image -> {
            var drawing = recognizer.recognize(new DrawingInput.EncodedImage(image));
            return new ChallengeBook.Reading(drawing.getDigit(), drawing.getConfidence(), drawing.isBlank());
        });
        if (verdict.outcome().passed()) {
            sessions.set(session, HUMAN_UNTIL, Instant.now().plus(Duration.ofMinutes(humanMinutes)));
        }
        return verdict;
    }

    public Outcome redeem(String pass) {
        return book.redeem(pass);
    }

    public boolean isHuman(Optional<String> session) {
        return session.flatMap(id -> sessions.instant(id, HUMAN_UNTIL)).filter(Instant.now()::isBefore).isPresent();
    }
}
