package app.digits.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a session, a client address) in a sliding window and says when a key has used
 * up its allowance and when it gets the next one, so guessing by brute force or flooding is cut short. It
 * tracks at most a bounded number of keys, forgetting those whose window has passed.
 */
public class AttemptLimiter {

    private static final int MAX_KEYS = 10_000;

    private final int allowed;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> attempts = new ConcurrentHashMap<>();

    public AttemptLimiter(int allowed, Duration window, Clock clock) {
        this.allowed = allowed;
        this.window = window;
        this.clock = clock;
    }

    /** Records an attempt for {@code key}; false when the key already had its allowance in the window. */
    public boolean tryAcquire(String key) {
        var now = clock.instant();
        if (attempts.size() > MAX_KEYS) {
            attempts.values().removeIf(recent -> recent.isEmpty() || !recent.peekLast().isAfter(now.minus(window)));
        }
        var recent = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() >= allowed) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    /** How long until {@code key} may try again: zero when it may now. */
    public Duration retryAfter(String key) {
        var recent = attempts.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            if (recent.size() < allowed || recent.isEmpty()) {
                return Duration.ZERO;
            }
            var wait = Duration.between(clock.instant(), recent.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }
}
