package app.digits.captcha.control;

import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The captcha as the pages and the API use it: one challenge book with the configured rules, and the
 * server-side mark of a session that proved human (kept in the session, never in a cookie the client could
 * forge).
 */
@ApplicationScoped
public class Captcha {

    private static final String HUMAN_UNTIL = "digits.captcha.human-until";

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
    @ConfigProperty(name = "digits.captcha.attempt-window-seconds", defaultValue = "600")
    long attemptWindowSeconds;

    @Inject
    @ConfigProperty(name = "digits.captcha.human-minutes", defaultValue = "30")
    long humanMinutes;

    private ChallengeBook book;

    @PostConstruct
    void init() {
        book = new ChallengeBook(new ChallengeBook.Rules(Duration.ofSeconds(challengeSeconds), Duration.ofSeconds(passSeconds),
                minConfidence, attemptsPerSession, attemptsPerClient, Duration.ofSeconds(attemptWindowSeconds)),
                Clock.systemUTC());
    }

    public Optional<Challenge> issue(HttpSession session, String client) {
        return book.issue(session.getId(), client);
    }

    /** Judges an answer; a pass also marks the session as human for the configured time. */
    public ChallengeBook.Verdict answer(String token, HttpSession session, String client, Answer answer) {
        var verdict = book.answer(token, session.getId(), client, answer);
        if (verdict.outcome().passed()) {
            session.setAttribute(HUMAN_UNTIL, Instant.now().plus(Duration.ofMinutes(humanMinutes)));
        }
        return verdict;
    }

    public Outcome redeem(String pass) {
        return book.redeem(pass);
    }

    public boolean isHuman(HttpSession session) {
        return session != null && session.getAttribute(HUMAN_UNTIL) instanceof Instant until && Instant.now().isBefore(until);
    }
}
