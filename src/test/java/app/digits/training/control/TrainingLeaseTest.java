package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.platform.control.InMemoryMongo;
import app.digits.platform.control.ManualClock;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances competing for the training lease on one in-memory MongoDB, with a clock moved by hand. */
class TrainingLeaseTest {

    private static final Duration TERM = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private InMemoryMongo mongo;
    private TrainingLease a;
    private TrainingLease b;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        MongoDatabase database = mongo.database("lease-test");
        a = new TrainingLease(database, "instance-a", TERM, clock);
        b = new TrainingLease(database, "instance-b", TERM, clock);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void onlyOneRunHoldsTheLeaseInTheCluster() {
        assertEquals("run-1", a.acquire("run-1").runId());

        var refused = assertThrows(TrainingException.class, () -> b.acquire("run-2"));
        assertEquals(TrainingException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains("run-1") && refused.getMessage().contains("instance-a"), refused.getMessage());
        assertEquals(TrainingException.Kind.CONFLICT, assertThrows(TrainingException.class, () -> a.acquire("run-3")).kind(),
                "a second run on the same instance is refused too");
        assertEquals("instance-a", a.acquire("run-1").owner(), "the job of the run takes its own lease again");
        assertEquals(Optional.of("run-1"), b.holder().map(TrainingLease.Holder::runId));
    }

    @Test
    void aReleasedLeaseIsFreeForAnyone() {
        a.acquire("run-1");
        a.release("run-1");
        assertTrue(b.holder().isEmpty());
        assertEquals("instance-b", b.acquire("run-2").owner());
    }

    @Test
    void renewingKeepsTheLeaseAndADeadHoldersLeaseIsTakenOver() {
        a.acquire("run-1");
        clock.advance(Duration.ofSeconds(20));
        assertTrue(a.renew("run-1").isPresent());
        clock.advance(Duration.ofSeconds(20));
        assertThrows(TrainingException.class, () -> b.acquire("run-2"), "renewed 20 s ago, good for 30");

        clock.advance(Duration.ofSeconds(11));
        assertTrue(a.holder().isEmpty(), "not renewed for 31 s: expired");
        assertEquals("instance-b", b.acquire("run-2").owner());
        assertTrue(a.renew("run-1").isEmpty(), "the old holder learns it lost the lease");
        a.release("run-1");
        assertEquals(Optional.of("run-2"), a.holder().map(TrainingLease.Holder::runId), "and cannot release another's lease");
    }

    @Test
    void aStopRequestFromAnyInstanceReachesTheHolderWhenItRenews() {
        assertFalse(b.requestStop(), "no run to stop");
        a.acquire("run-1");
        assertFalse(a.renew("run-1").orElseThrow().stopRequested());
        assertTrue(b.requestStop());
        assertTrue(a.renew("run-1").orElseThrow().stopRequested());
    }
}
