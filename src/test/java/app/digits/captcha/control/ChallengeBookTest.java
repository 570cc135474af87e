package app.digits.captcha.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Challenges;
import app.digits.captcha.entity.Outcome;
import app.digits.imaging.control.ImageDecoder;
import app.digits.platform.control.AttemptLimiter;
import app.digits.platform.control.InMemoryMongo;
import app.digits.platform.control.ManualClock;
import app.digits.platform.control.ProblemException;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The challenge book on an in-memory MongoDB (mongo-java-server), with a clock the test moves by hand. */
class ChallengeBookTest {


    private static final String CLIENT = "10.0.0.1";

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger readings = new AtomicInteger();
    private InMemoryMongo mongo;
    private MongoDatabase database;
    private ChallengeBook book;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        database = mongo.database("captcha-test");
        book = new ChallengeBook(new ChallengeBook.Rules(Duration.ofMinutes(2), Duration.ofMinutes(5), 0.7, 5, 8, 12,
                Duration.ofMinutes(10), 300), clock, database, new ImageDecoder(2_000_000, 4_000_000));
        book.ensureIndexes();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private Challenge issue(String session) {
        return book.issue(session, CLIENT, Challenge.Kind.DRAW).challenge();
    }

    private static Long proof(Challenge challenge) {
        return ProofOfWorkTest.solve(challenge.puzzle());
    }

    /** A hand-drawn "7" with the challenge's proof-of-work; the stub model reads it as {@code digit}. */
    private Outcome drawn(Challenge challenge, String session, Integer digit, double confidence) {
        var seven = SyntheticStrokes.seven(1);
        return book.answer(challenge.token(), session, CLIENT, new Answer.Drawn(SyntheticStrokes.render(seven), seven, proof(challenge)),
                image -> {
                    readings.incrementAndGet();
                    return new ChallengeBook.Reading(digit, confidence);
                }).outcome();
    }

    private ChallengeBook.Verdict unknown(String session, String client) {
        return book.answer("never-issued", session, client, new Answer.Typed("1", 0L), image -> {
            throw new AssertionError("nothing to read");
        });
    }

    @Test
    void theRightDigitDrawnByHandWithItsProofOfWorkPassesAndEarnsAPassRedeemableOnce() {
        var challenge = issue("s1");
        var verdict = book.answer(challenge.token(), "s1", CLIENT,
                new Answer.Drawn(SyntheticStrokes.render(SyntheticStrokes.seven(2)), SyntheticStrokes.seven(2), proof(challenge)),
                image -> new ChallengeBook.Reading(challenge.digit(), 0.95));

        assertEquals(Outcome.PASSED, verdict.outcome());
        var pass = verdict.pass().orElseThrow();
        assertEquals(Outcome.PASSED, book.redeem(pass));
        assertEquals(Outcome.REPLAYED, book.redeem(pass));
        assertEquals(Outcome.UNKNOWN, book.redeem("forged"));
        assertEquals(Outcome.UNKNOWN, book.redeem(null));
    }

    @Test
    void aDrawChallengeComesAsAPictureAndItsDigitOnlyInTheDatabase() {
        var issued = book.issue("s1", CLIENT, Challenge.Kind.DRAW);
        assertNotNull(issued.image());
        assertNull(issued.challenge().question());
        var stored = database.getCollection(Challenges.COLLECTION).find(new Document("_id", issued.challenge().token())).first();
        assertEquals(issued.challenge().digit(), stored.getInteger("digit"));
        assertEquals(issued.challenge().puzzle().target(), stored.get("puzzle", Document.class).getString("target"));
    }

    @Test
    void aMissingOrWrongProofOfWorkFailsBeforeTheDrawingIsReadAndUsesUpTheChallenge() {
        var seven = SyntheticStrokes.seven(3);
        var missing = issue("s1");
        var noProof = book.answer(missing.token(), "s1", CLIENT, new Answer.Drawn(SyntheticStrokes.render(seven), seven, null),
                image -> new ChallengeBook.Reading(missing.digit(), 1));
        assertEquals(Outcome.NO_PROOF, noProof.outcome());
        var wrong = issue("s1");
        var wrongProof = book.answer(wrong.token(), "s1", CLIENT, new Answer.Drawn(SyntheticStrokes.render(seven), seven, proof(wrong) + 1),
                image -> new ChallengeBook.Reading(wrong.digit(), 1));
        assertEquals(Outcome.WRONG_PROOF, wrongProof.outcome());
        assertEquals(Outcome.REPLAYED, drawn(wrong, "s1", wrong.digit(), 1));
        assertEquals(0, readings.get());
    }

    @Test
    void aDrawingWithoutATrajectoryOrWithImplausibleStrokesIsRefusedUnread() {
        var seven = SyntheticStrokes.seven(4);
        var noTrajectory = issue("s1");
        assertEquals(Outcome.NO_TRAJECTORY, book.answer(noTrajectory.token(), "s1", CLIENT,
                new Answer.Drawn(SyntheticStrokes.render(seven), null, proof(noTrajectory)), image -> new ChallengeBook.Reading(noTrajectory.digit(), 1)).outcome());
        var typed = issue("s1");
        assertEquals(Outcome.NO_TRAJECTORY, book.answer(typed.token(), "s1", CLIENT, new Answer.Typed(String.valueOf(typed.digit()), proof(typed)),
                image -> new ChallengeBook.Reading(typed.digit(), 1)).outcome(), "a drawing challenge cannot be answered by typing");
        var scripted = issue("s1");
        var line = SyntheticStrokes.constantSpeedLine(140, 40, 140, 240, 30);
        assertEquals(Outcome.IMPLAUSIBLE_STROKES, book.answer(scripted.token(), "s1", CLIENT,
                new Answer.Drawn(SyntheticStrokes.render(line), line, proof(scripted)), image -> new ChallengeBook.Reading(scripted.digit(), 1)).outcome());
    }

    @Test
    void aWrongUnsureOrBlankDrawingDoesNotPassAndTheChallengeIsSingleUse() {
        var wrong = issue("s1");
        assertEquals(Outcome.WRONG_DIGIT, drawn(wrong, "s1", (wrong.digit() + 1) % 10, 0.99));
        assertEquals(Outcome.REPLAYED, drawn(wrong, "s1", wrong.digit(), 0.99));
        var unsure = issue("s1");
        assertEquals(Outcome.UNSURE, drawn(unsure, "s1", unsure.digit(), 0.5));
        var blank = issue("s1");
        assertEquals(Outcome.BLANK, drawn(blank, "s1", null, 0));
    }

    @Test
    void aDrawingTheRecognizerRefusesAsNotOneDigitFailsAsUnsure() {
        var refused = issue("s2");
        var seven = SyntheticStrokes.seven(1);
        assertEquals(Outcome.UNSURE, book.answer(refused.token(), "s2", CLIENT,
                new Answer.Drawn(SyntheticStrokes.render(seven), seven, proof(refused)),
                image -> new ChallengeBook.Reading(null, 0.9, false)).outcome());
    }

    @Test
    void aQuestionIsAnsweredByTypingItsDigit() {
        var issued = book.issue("s1", CLIENT, Challenge.Kind.QUESTION);
        var challenge = issued.challenge();
        assertNull(issued.image());
        assertEquals(challenge.digit(), challenge.question().answer());
        var verdict = book.answer(challenge.token(), "s1", CLIENT, new Answer.Typed(" " + challenge.digit() + " ", proof(challenge)),
                image -> new ChallengeBook.Reading(null, 0));
        assertEquals(Outcome.PASSED, verdict.outcome());

        var other = book.issue("s1", CLIENT, Challenge.Kind.QUESTION).challenge();
        assertEquals(Outcome.WRONG_DIGIT, book.answer(other.token(), "s1", CLIENT,
                new Answer.Typed(String.valueOf((other.digit() + 1) % 10), proof(other)), image -> null).outcome());
    }

    @Test
    void expiredForeignAndUnknownChallengesAreRefused() {
        var expired = issue("s1");
        clock.advance(Duration.ofSeconds(121));
        assertEquals(Outcome.EXPIRED, drawn(expired, "s1", expired.digit(), 0.99));
        var foreign = issue("s1");
        assertEquals(Outcome.OTHER_SESSION, drawn(foreign, "s2", foreign.digit(), 0.99));
        assertEquals(Outcome.UNKNOWN, unknown("s1", CLIENT).outcome());
    }

    @Test
    void answersFromOneAddressAreLimitedEvenWithANewSessionEachTimeAndEvenForUnknownTokens() {
        for (int i = 0; i < 8; i++) {
            assertEquals(Outcome.UNKNOWN, unknown("fresh-session-" + i, CLIENT).outcome());
        }
        var refused = assertThrows(ProblemException.class, () -> unknown("yet-another-session", CLIENT));
        assertEquals(429, refused.status());
        long wait = ProblemException.wholeSeconds(refused.retryAfter().orElseThrow());
        assertTrue(wait >= 1 && wait <= 600, String.valueOf(wait));
        assertEquals(Outcome.UNKNOWN, unknown("s1", "10.0.0.2").outcome(), "another address is not affected");

        clock.advance(Duration.ofSeconds(wait));
        assertEquals(Outcome.UNKNOWN, unknown("later", CLIENT).outcome(), "allowed again after Retry-After");
    }

    @Test
    void answersInOneSessionAreLimitedToo() {
        for (int i = 0; i < 5; i++) {
            unknown("s1", "10.0.1." + i);
        }
        assertThrows(ProblemException.class, () -> unknown("s1", "10.0.1.9"));
    }

    @Test
    void challengesPerAddressAreLimited() {
        for (int i = 0; i < 12; i++) {
            book.issue("session-" + i, CLIENT, Challenge.Kind.DRAW);
        }
        assertThrows(ProblemException.class, () -> book.issue("another", CLIENT, Challenge.Kind.QUESTION));
    }

    @Test
    void oldChallengesAndCountersAreForgottenAndTheIndexesCanBeCreatedAgain() {
        issue("s1");
        unknown("s1", CLIENT);
        clock.advance(Duration.ofMinutes(11));
        issue("s2");
        assertEquals(1, database.getCollection(Challenges.COLLECTION).countDocuments());
        assertEquals(1, database.getCollection(AttemptLimiter.COLLECTION).countDocuments(), "only the new issue's counter");
        book.ensureIndexes();
        var ttl = database.getCollection(Challenges.COLLECTION).listIndexes().into(new java.util.ArrayList<>()).stream()
                .filter(index -> "forgetAt_ttl".equals(index.getString("name"))).findFirst().orElseThrow();
        assertEquals(new Document("forgetAt", 1), ttl.get("key", Document.class));
    }

    @Test
    void anExpiredPassIsNotValid() {
        var challenge = issue("s1");
        var seven = SyntheticStrokes.seven(5);
        var pass = book.answer(challenge.token(), "s1", CLIENT, new Answer.Drawn(SyntheticStrokes.render(seven), seven, proof(challenge)),
                image -> new ChallengeBook.Reading(challenge.digit(), 0.99)).pass().orElseThrow();
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Outcome.EXPIRED, book.redeem(pass));
    }
}
