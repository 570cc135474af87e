package app.digits.admin.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing on the admin area. Failed logins are counted per client address and per user
 * name (so neither many names from one address nor one name from many addresses goes unchecked); beyond a few
 * free failures a key is blocked for a delay that doubles with each further failure, up to a ceiling. A
 * success clears both keys, and a key that has not failed for a while is forgotten. While a key is blocked
 * every attempt, right or wrong, is refused unseen, so guessing during the delay learns nothing.
 *
 * <p>It knows nothing of HTTP or of how credentials are sent: the admin authentication mechanism calls it
 * around the identity store. Memory is bounded: at most {@link Policy#maxKeys()} keys are tracked, the least
 * recently touched dropped first (an attacker rotating through more keys than that only forgets their own).
 */
public final class LoginThrottle {

    /**
     * The rules: failures allowed without delay, the first delay and its ceiling, how long a quiet key is
     * remembered, and how many keys are tracked at most.
     */
    public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxKeys) {
        public Policy {
            if (freeFailures < 0 || maxKeys < 2 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                    || forgetAfter.isNegative()) {
                throw new IllegalArgumentException("Invalid login throttle settings: " + this);
            }
        }
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil = Instant.MIN;
    }

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Failures> keys;

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.keys = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > policy.maxKeys();
            }
        };
    }

    /** How long the caller must wait before this address may try this user name again; empty if it may now. */
    public synchronized Optional<Duration> wait(String address, String user) {
        var now = clock.instant();
        var longest = Duration.ZERO;
        for (var key : keysOf(address, user)) {
            var failures = current(key, now);
            if (failures != null && failures.blockedUntil.isAfter(now)) {
                var left = Duration.between(now, failures.blockedUntil);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Records a wrong password (or user name) for the address and the user name. */
    public synchronized void failed(String address, String user) {
        var now = clock.instant();
        for (var key : keysOf(address, user)) {
            var failures = current(key, now);
            if (failures == null) {
                failures = new Failures();
                keys.put(key, failures);
            }
            failures.count++;
            failures.last = now;
            int beyond = failures.count - policy.freeFailures();
            if (beyond > 0) {
                failures.blockedUntil = now.plus(delayAfter(beyond));
            }
        }
    }

    /** Records a successful login: the address and the user name start afresh. */
    public synchronized void succeeded(String address, String user) {
        for (var key : keysOf(address, user)) {
            keys.remove(key);
        }
    }

    /** How many keys are tracked now (for tests of the bound). */
    synchronized int trackedKeys() {
        return keys.size();
    }

    private Duration delayAfter(int beyond) {
        int doublings = Math.min(beyond - 1, 30);
        var delay = policy.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    /** The failures of a key, or null when it has none or its last failure is old enough to be forgotten. */
    private Failures current(String key, Instant now) {
        var failures = keys.get(key);
        if (failures != null && failures.last.plus(policy.forgetAfter()).isBefore(now)
                && !failures.blockedUntil.isAfter(now)) {
            keys.remove(key);
            return null;
        }
        return failures;
    }

    private static String[] keysOf(String address, String user) {
        return new String[] {"address:" + address, "user:" + user};
    }
}
