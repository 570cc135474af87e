package app.digits.captcha.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChallengeBookTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ChallengeBook book = new ChallengeBook(new ChallengeBook.Rules(Duration.ofMinutes(2), Duration.ofMinutes(5),
            0.7, 5, 8, Duration.ofMinutes(10)), clock);

    private Challenge issue(String session) {
        return book.issue(session, "10.0.0.1").orElseThrow();
    }

    private static Answer drawn(int digit, double confidence) {
        return new Answer.Drawn(digit, confidence);
    }

    @Test
    void theRightDigitDrawnWithConfidencePassesAndEarnsAPassRedeemableOnce() {
        var challenge = issue("s1");
        var verdict = book.answer(challenge.token(), "s1", "10.0.0.1", drawn(challenge.digit(), 0.95));

        assertEquals(Outcome.PASSED, verdict.outcome());
        var pass = verdict.pass().orElseThrow();
        assertEquals(Outcome.PASSED, book.redeem(pass));
        assertEquals(Outcome.REPLAYED, book.redeem(pass));
        assertEquals(Outcome.UNKNOWN, book.redeem("forged"));
        assertEquals(Outcome.UNKNOWN, book.redeem(null));
    }

    @Test
    void aChallengeIsSingleUseEvenWhenTheAnswerIsWrong() {
        var challenge = issue("s1");
        int wrong = (challenge.digit() + 1) % 10;

        assertEquals(Outcome.WRONG_DIGIT, book.answer(challenge.token(), "s1", "10.0.0.1", drawn(wrong, 0.99)).outcome());
        assertEquals(Outcome.REPLAYED, book.answer(challenge.token(), "s1", "10.0.0.1", drawn(challenge.digit(), 0.99)).outcome());
    }

    @Test
    void anUnsureOrBlankDrawingDoesNotPass() {
        var unsure = issue("s1");
        assertEquals(Outcome.UNSURE, book.answer(unsure.token(), "s1", "a", drawn(unsure.digit(), 0.5)).outcome());
        var blank = issue("s1");
        assertEquals(Outcome.BLANK, book.answer(blank.token(), "s1", "a", new Answer.Drawn(null, 0)).outcome());
    }

    @Test
    void anExpiredChallengeIsRefused() {
        var challenge = issue("s1");
        clock.advance(Duration.ofSeconds(121));
        issue("s2");
        assertEquals(Outcome.EXPIRED, book.answer(challenge.token(), "s1", "a", drawn(challenge.digit(), 0.99)).outcome());
    }

    @Test
    void anExpiredPassIsRefused() {
        var challenge = issue("s1");
        var pass = book.answer(challenge.token(), "s1", "a", drawn(challenge.digit(), 0.99)).pass().orElseThrow();
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Outcome.EXPIRED, book.redeem(pass));
    }

    @Test
    void forgedAndForeignTokensAreRefused() {
        assertEquals(Outcome.UNKNOWN, book.answer("made-up", "s1", "a", drawn(1, 0.99)).outcome());
        var challenge = issue("s1");
        assertEquals(Outcome.OTHER_SESSION, book.answer(challenge.token(), "s2", "a", drawn(challenge.digit(), 0.99)).outcome());
    }

    @Test
    void theTypedDigitIsTheTextAlternative() {
        var challenge = issue("s1");
        assertEquals(Outcome.PASSED, book.answer(challenge.token(), "s1", "a", new Answer.Typed(" " + challenge.digit() + " ")).outcome());
        var other = issue("s1");
        assertEquals(Outcome.WRONG_DIGIT, book.answer(other.token(), "s1", "a", new Answer.Typed("x")).outcome());
    }

    @Test
    void attemptsAreLimitedPerSessionWithinTheWindow() {
        for (int i = 0; i < 5; i++) {
            var challenge = issue("s1");
            assertNotEquals(Outcome.TOO_MANY_ATTEMPTS, book.answer(challenge.token(), "s1", "a", drawn(-1, 0.9)).outcome());
        }
        var sixth = issue("s1");
        assertEquals(Outcome.TOO_MANY_ATTEMPTS, book.answer(sixth.token(), "s1", "a", drawn(sixth.digit(), 0.99)).outcome());
        clock.advance(Duration.ofMinutes(11));
        var later = issue("s1");
        assertEquals(Outcome.PASSED, book.answer(later.token(), "s1", "a", drawn(later.digit(), 0.99)).outcome());
    }

    @Test
    void attemptsAreLimitedPerClientAddressAcrossSessions() {
        for (int i = 0; i < 8; i++) {
            var challenge = issue("session" + i);
            book.answer(challenge.token(), "session" + i, "10.0.0.9", drawn(-1, 0.9));
        }
        var challenge = issue("fresh");
        assertEquals(Outcome.TOO_MANY_ATTEMPTS, book.answer(challenge.token(), "fresh", "10.0.0.9", drawn(challenge.digit(), 0.99)).outcome());
        var elsewhere = issue("fresh2");
        assertEquals(Outcome.PASSED, book.answer(elsewhere.token(), "fresh2", "10.0.0.10", drawn(elsewhere.digit(), 0.99)).outcome());
    }

    @Test
    void challengesAreLimitedPerClientAddress() {
        for (int i = 0; i < 16; i++) {
            assertTrue(book.issue("s" + i, "10.0.0.7").isPresent());
        }
        assertTrue(book.issue("s17", "10.0.0.7").isEmpty());
    }

    @Test
    void digitsAreNamedInBothLanguages() {
        assertEquals("quatre", ChallengeBook.nameOf(4, "fr"));
        assertEquals("four", ChallengeBook.nameOf(4, "en"));
    }
}
