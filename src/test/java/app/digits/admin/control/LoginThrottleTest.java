package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {


    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(3, Duration.ofSeconds(2),
            Duration.ofSeconds(60), Duration.ofMinutes(30), 100), clock);

    private void fail(String address, String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address, user);
        }
    }

    @Test
    void theFirstFailuresCostNothing() {
        fail("10.0.0.1", "admin", 3);
        assertEquals(Optional.empty(), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheDelayUpToTheCeiling() {
        fail("10.0.0.1", "admin", 4);
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.wait("10.0.0.1", "admin"));
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.wait("10.0.0.1", "admin"));
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Optional.of(Duration.ofSeconds(8)), throttle.wait("10.0.0.1", "admin"));
        fail("10.0.0.1", "admin", 40);
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void theBlockEndsWhenItsDelayHasPassed() {
        fail("10.0.0.1", "admin", 4);
        clock.advance(Duration.ofMillis(1500));
        assertEquals(Optional.of(Duration.ofMillis(500)), throttle.wait("10.0.0.1", "admin"));
        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.empty(), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void anAddressTryingManyUserNamesIsBlockedForEveryName() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1", "user" + i);
        }
        assertTrue(throttle.wait("10.0.0.1", "someone-new").isPresent());
        assertEquals(Optional.empty(), throttle.wait("10.0.0.2", "someone-new"));
    }

    @Test
    void oneUserNameTriedFromManyAddressesIsBlockedFromEveryAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0." + i, "admin");
        }
        assertTrue(throttle.wait("10.9.9.9", "admin").isPresent());
        assertEquals(Optional.empty(), throttle.wait("10.9.9.9", "other"));
    }

    @Test
    void aSuccessClearsTheAddressAndTheUser() {
        fail("10.0.0.1", "admin", 3);
        throttle.succeeded("10.0.0.1", "admin");
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Optional.empty(), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        fail("10.0.0.1", "admin", 3);
        clock.advance(Duration.ofMinutes(31));
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Optional.empty(), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void theNumberOfTrackedKeysStaysBounded() {
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("address-" + i, "user-" + i);
        }
        assertEquals(100, throttle.trackedKeys());
    }

    @Test
    void evictionDropsTheLeastRecentlyTouchedKeysFirst() {
        fail("10.0.0.1", "admin", 4);
        for (int i = 0; i < 60; i++) {
            throttle.failed("address-" + i, "user-" + i);
            throttle.wait("10.0.0.1", "admin");
        }
        assertTrue(throttle.wait("10.0.0.1", "admin").isPresent());
    }
}
