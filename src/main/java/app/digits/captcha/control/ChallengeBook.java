package app.digits.captcha.control;

import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Challenges;
import app.digits.captcha.entity.Outcome;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.platform.control.AttemptLimiter;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The life of challenges and passes. A challenge is issued for a session with a random digit, shown only as
 * a distorted image (or, for people who cannot draw, a question whose answer is a digit), a proof-of-work
 * puzzle and a deadline. Every answer counts against the client address and the session, even one to a
 * token never issued, and beyond the allowance is refused before anything else. The first answer consumes
 * the challenge, right or wrong (a second use is "replayed", a token never issued "unknown", one from
 * another session refused); then the puzzle must be solved, then a drawing must come with a plausible
 * trajectory, and only then is it recognized. A right answer yields a pass that a verification redeems
 * once. State lives in MongoDB ({@link Challenges}, {@link AttemptLimiter}); nothing an answer holds is kept.
 */
public class ChallengeBook {

    /** Lifetimes, the model's confidence needed, the allowances per window, and the proof-of-work's size. */
    public record Rules(Duration challengeLifetime, Duration passLifetime, double minConfidence, int attemptsPerSession,
                        int attemptsPerClient, int challengesPerClient, Duration attemptWindow, long proofOfWorkMaxNumber) {
    }

    /** A new challenge, and the PNG that shows its digit (null for a question). */
    public record Issued(Challenge challenge, byte[] image) {
    }

    /** The outcome of an answer, and the pass it earned when it passed. */
    public record Verdict(Outcome outcome, Optional<String> pass) {
    }

    /**
     * What the served model reads in a drawing: its digit (null when blank or not one digit), its confidence, and
     * whether nothing was drawn.
     */
    public record Reading(Integer digit, double confidence, boolean blank) {

        public Reading(Integer digit, double confidence) {
            this(digit, confidence, digit == null);
        }
    }

    /** Reads the digit of a drawing; the captcha passes the recognizer, the tests a stub. */
    public interface DigitReader {
        Reading read(byte[] image);
    }

    private final Rules rules;
    private final Clock clock;
    private final MongoDatabase database;
    private final Challenges challenges;
    private final ImageDecoder decoder;
    private final SecureRandom random = new SecureRandom();
    private final AttemptLimiter issuesPerClient;
    private final AttemptLimiter answersPerClient;
    private final AttemptLimiter answersPerSession;

    public ChallengeBook(Rules rules, Clock clock, MongoDatabase database, ImageDecoder decoder) {
        this.rules = rules;
        this.clock = clock;
        this.database = database;
        this.challenges = new Challenges(database);
        this.decoder = decoder;
        this.issuesPerClient = new AttemptLimiter(database, "issues-client", "challenges from this address",
                rules.challengesPerClient(), rules.attemptWindow(), clock);
        this.answersPerClient = new AttemptLimiter(database, "answers-client", "answers from this address",
                rules.attemptsPerClient(), rules.attemptWindow(), clock);
        this.answersPerSession = new AttemptLimiter(database, "answers-session", "answers in this session",
                rules.attemptsPerSession(), rules.attemptWindow(), clock);
    }

    /** Creates the collections' indexes; idempotent. */
    public void ensureIndexes() {
        challenges.ensureIndexes();
        AttemptLimiter.ensureIndexes(database);
    }

    /** A new challenge of the given kind for a session; throws a 429 problem beyond the client's allowance. */
    public Issued issue(String sessionId, String client, Challenge.Kind kind) {
        var now = clock.instant();
        challenges.forget(now);
        AttemptLimiter.forget(database, now);
        issuesPerClient.acquire(client);
        int digit = random.nextInt(10);
        var question = kind == Challenge.Kind.QUESTION ? Questions.about(digit, random) : null;
        var expiresAt = now.plus(rules.challengeLifetime());
        var challenge = new Challenge(newToken(), sessionId, kind, digit, question,
                ProofOfWork.issue(random, rules.proofOfWorkMaxNumber()), expiresAt);
        challenges.store(challenge, expiresAt.plus(rules.challengeLifetime()));
        return new Issued(challenge, kind == Challenge.Kind.DRAW ? ChallengeImage.png(digit, random.nextLong()) : null);
    }

    /** Judges an answer; throws a 429 problem beyond the client's or the session's allowance. */
    public Verdict answer(String token, String sessionId, String client, Answer answer, DigitReader reader) {
        answersPerClient.acquire(client);
        answersPerSession.acquire(sessionId);
        var consumed = token == null ? Optional.<Challenge>empty() : challenges.consume(token);
        if (consumed.isEmpty()) {
            return verdict(token != null && challenges.exists(token) ? Outcome.REPLAYED : Outcome.UNKNOWN);
        }
        var challenge = consumed.get();
        var outcome = judge(challenge, sessionId, answer, reader);
        if (!outcome.passed()) {
            return verdict(outcome);
        }
        var pass = newToken();
        var passExpiresAt = clock.instant().plus(rules.passLifetime());
        challenges.grantPass(challenge.token(), pass, passExpiresAt, passExpiresAt.plus(rules.passLifetime()));
        return new Verdict(Outcome.PASSED, Optional.of(pass));
    }

    /** Checks a pass once: the first redemption of a live pass succeeds, any later one is a replay. */
    public Outcome redeem(String pass) {
        if (pass == null) {
            return Outcome.UNKNOWN;
        }
        return switch (challenges.redeem(pass, clock.instant())) {
            case VALID -> Outcome.PASSED;
            case EXPIRED -> Outcome.EXPIRED;
            case REDEEMED -> Outcome.REPLAYED;
            case UNKNOWN -> Outcome.UNKNOWN;
        };
    }

    private Outcome judge(Challenge challenge, String sessionId, Answer answer, DigitReader reader) {
        if (!challenge.sessionId().equals(sessionId)) {
            return Outcome.OTHER_SESSION;
        }
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            return Outcome.EXPIRED;
        }
        if (answer.proof() == null) {
            return Outcome.NO_PROOF;
        }
        if (!ProofOfWork.solves(challenge.puzzle(), answer.proof())) {
            return Outcome.WRONG_PROOF;
        }
        return switch (challenge.kind()) {
            case DRAW -> judgeDrawing(challenge.digit(), answer, reader);
            case QUESTION -> answer instanceof Answer.Typed(String text, Long proof) && text != null && !text.isBlank()
                    ? (text.strip().equals(String.valueOf(challenge.digit())) ? Outcome.PASSED : Outcome.WRONG_DIGIT)
                    : Outcome.BLANK;
        };
    }

    private Outcome judgeDrawing(int expected, Answer answer, DigitReader reader) {
        if (!(answer instanceof Answer.Drawn(byte[] image, var trajectory, Long proof)) || trajectory == null) {
            return Outcome.NO_TRAJECTORY;
        }
        if (image == null) {
            return Outcome.BLANK;
        }
        var refusal = StrokeCheck.check(trajectory, InkMap.of(decoder.decode(image)));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var reading = reader.read(image);
        if (reading.digit() == null) {
            return reading.blank() ? Outcome.BLANK : Outcome.UNSURE;
        }
        if (reading.digit() != expected) {
            return Outcome.WRONG_DIGIT;
        }
        return reading.confidence() < rules.minConfidence() ? Outcome.UNSURE : Outcome.PASSED;
    }

    private static Verdict verdict(Outcome outcome) {
        return new Verdict(outcome, Optional.empty());
    }

    private String newToken() {
        var bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
