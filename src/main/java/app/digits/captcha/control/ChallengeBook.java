package app.digits.captcha.control;

import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Outcome;
import app.digits.platform.control.AttemptLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life of challenges and passes. A challenge is issued for a session with a random digit and a
 * deadline; the first answer consumes it, right or wrong, so a token never counts twice (a second use is
 * "replayed", a token never issued "unknown", one from another session refused). A right answer, drawn with
 * enough confidence or typed, yields a pass: a second token that a verification can redeem exactly once.
 * Attempts are limited per session and per client address, and challenges per client address; what
 * expired is forgotten after a while, so memory stays bounded by those limits.
 */
public class ChallengeBook {

    /** How long challenges and passes live, how sure the model must be, and how many attempts are allowed. */
    public record Rules(Duration challengeLifetime, Duration passLifetime, double minConfidence,
                        int attemptsPerSession, int attemptsPerClient, Duration attemptWindow) {
    }

    /** The outcome of an answer, and the pass it earned when it passed. */
    public record Verdict(Outcome outcome, Optional<String> pass) {
    }

    private static final String[] NAMES_FR = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"};
    private static final String[] NAMES_EN = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private final Rules rules;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Challenge> open = new ConcurrentHashMap<>();
    private final Map<String, Instant> consumed = new ConcurrentHashMap<>();
    private final Map<String, Instant> passes = new ConcurrentHashMap<>();
    private final Map<String, Instant> redeemed = new ConcurrentHashMap<>();
    private final AttemptLimiter perSession;
    private final AttemptLimiter perClient;
    private final AttemptLimiter issues;

    public ChallengeBook(Rules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.perSession = new AttemptLimiter(rules.attemptsPerSession(), rules.attemptWindow(), clock);
        this.perClient = new AttemptLimiter(rules.attemptsPerClient(), rules.attemptWindow(), clock);
        this.issues = new AttemptLimiter(2 * rules.attemptsPerClient(), rules.attemptWindow(), clock);
    }

    /** A new challenge for a session, or none when the client has asked for too many. */
    public Optional<Challenge> issue(String sessionId, String client) {
        forgetExpired();
        if (!issues.tryAcquire("client:" + client)) {
            return Optional.empty();
        }
        var challenge = new Challenge(newToken(), sessionId, random.nextInt(10), clock.instant().plus(rules.challengeLifetime()));
        open.put(challenge.token(), challenge);
        return Optional.of(challenge);
    }

    public Verdict answer(String token, String sessionId, String client, Answer answer) {
        boolean sessionAllowed = perSession.tryAcquire("session:" + sessionId);
        boolean clientAllowed = perClient.tryAcquire("client:" + client);
        if (!sessionAllowed || !clientAllowed) {
            open.remove(token);
            return verdict(Outcome.TOO_MANY_ATTEMPTS);
        }
        var challenge = open.remove(token);
        if (challenge == null) {
            return verdict(consumed.containsKey(token) ? Outcome.REPLAYED : Outcome.UNKNOWN);
        }
        consumed.put(token, challenge.expiresAt());
        if (!challenge.sessionId().equals(sessionId)) {
            return verdict(Outcome.OTHER_SESSION);
        }
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            return verdict(Outcome.EXPIRED);
        }
        var outcome = judge(challenge.digit(), answer);
        if (!outcome.passed()) {
            return verdict(outcome);
        }
        var pass = newToken();
        passes.put(pass, clock.instant().plus(rules.passLifetime()));
        return new Verdict(Outcome.PASSED, Optional.of(pass));
    }

    /** Checks a pass once: the first redemption of a live pass succeeds, any later one is a replay. */
    public Outcome redeem(String pass) {
        if (pass == null) {
            return Outcome.UNKNOWN;
        }
        var expiry = passes.remove(pass);
        if (expiry == null) {
            return redeemed.containsKey(pass) ? Outcome.REPLAYED : Outcome.UNKNOWN;
        }
        redeemed.put(pass, expiry);
        return clock.instant().isBefore(expiry) ? Outcome.PASSED : Outcome.EXPIRED;
    }

    /** The name of a digit, to type it back when drawing is not possible. */
    public static String nameOf(int digit, String language) {
        return ("en".equals(language) ? NAMES_EN : NAMES_FR)[digit];
    }

    private Outcome judge(int expected, Answer answer) {
        return switch (answer) {
            case Answer.Drawn(Integer digit, double confidence) when digit == null -> Outcome.BLANK;
            case Answer.Drawn(Integer digit, double confidence) when digit != expected -> Outcome.WRONG_DIGIT;
            case Answer.Drawn(Integer digit, double confidence) when confidence < rules.minConfidence() -> Outcome.UNSURE;
            case Answer.Drawn drawn -> Outcome.PASSED;
            case Answer.Typed(String text) when text == null || text.isBlank() -> Outcome.BLANK;
            case Answer.Typed(String text) -> text.strip().equals(String.valueOf(expected)) ? Outcome.PASSED : Outcome.WRONG_DIGIT;
        };
    }

    private static Verdict verdict(Outcome outcome) {
        return new Verdict(outcome, Optional.empty());
    }

    private String newToken() {
        var bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Forgets what expired long enough ago that an answer to it is no longer worth a precise reason. */
    private void forgetExpired() {
        var now = clock.instant();
        var forgetBefore = now.minus(rules.challengeLifetime());
        open.values().removeIf(challenge -> challenge.expiresAt().isBefore(forgetBefore));
        consumed.values().removeIf(expiry -> expiry.isBefore(forgetBefore));
        passes.values().removeIf(expiry -> !now.isBefore(expiry));
        redeemed.values().removeIf(expiry -> !now.isBefore(expiry));
    }
}
