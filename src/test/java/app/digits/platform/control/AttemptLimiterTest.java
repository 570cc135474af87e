package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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
    }

    @Test
    void refusesBeyondTheAllowanceAndSaysWhenTheOldestAttemptLeavesTheWindow() {
        var clock = new MovableClock();
        var limiter = new AttemptLimiter(3, Duration.ofSeconds(60), clock);
        assertTrue(limiter.tryAcquire("a"));
        clock.now = clock.now.plusSeconds(10);
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertEquals(Duration.ZERO, limiter.retryAfter("b"), "another key is untouched");

        assertFalse(limiter.tryAcquire("a"));
        assertEquals(Duration.ofSeconds(50), limiter.retryAfter("a"));
        assertTrue(limiter.tryAcquire("b"));

        clock.now = clock.now.plusSeconds(50);
        assertEquals(Duration.ZERO, limiter.retryAfter("a"));
        assertTrue(limiter.tryAcquire("a"), "the first attempt left the window");
        assertFalse(limiter.tryAcquire("a"));
    }
}
