package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.InMemoryMongo;
import app.digits.platform.control.ManualClock;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginThrottle.Policy POLICY = new LoginThrottle.Policy(3, Duration.ofSeconds(2),
            Duration.ofSeconds(60), Duration.ofMinutes(30));

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("throttle");
    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(POLICY, clock, () -> database);

    @AfterEach
    void close() {
        mongo.close();
    }

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
    void failuresCountedByOneInstanceThrottleTheOthersSharingTheDatabase() {
        var other = new LoginThrottle(POLICY, clock, () -> database);
        fail("10.0.0.1", "admin", 2);
        other.failed("10.0.0.1", "admin");
        other.failed("10.0.0.1", "admin");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.wait("10.0.0.2", "admin"));
        assertEquals(Optional.of(Duration.ofSeconds(2)), other.wait("10.0.0.1", "someone-else"));
        throttle.succeeded("10.0.0.1", "admin");
        assertEquals(Optional.empty(), other.wait("10.0.0.1", "admin"));
    }

    @Test
    void forgottenKeysLeaveTheDatabase() {
        fail("10.0.0.1", "admin", 10);
        clock.advance(Duration.ofMinutes(20));
        fail("10.0.0.2", "other", 1);
        assertEquals(4, database.getCollection(LoginThrottle.COLLECTION).countDocuments());
        clock.advance(Duration.ofMinutes(11));
        fail("10.0.0.3", "third", 1);
        assertEquals(4, database.getCollection(LoginThrottle.COLLECTION).countDocuments(), "the first two keys are gone");
        assertEquals(Optional.empty(), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void theTtlIndexIsCreatedOnceAndAgainWithoutError() {
        LoginThrottle.ensureIndexes(database);
        LoginThrottle.ensureIndexes(database);
        assertTrue(database.getCollection(LoginThrottle.COLLECTION).listIndexes().into(new java.util.ArrayList<>()).stream()
                .anyMatch(index -> "forgetAt_ttl".equals(index.getString("name"))));
    }
}
