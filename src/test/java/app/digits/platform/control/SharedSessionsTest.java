package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedSessionsTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("sessions");
    private final ManualClock clock = new ManualClock();
    private final SharedSessions sessions = new SharedSessions(() -> database, clock, Duration.ofMinutes(60));

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void whatOneInstanceWritesAnotherOnTheSameDatabaseReads() {
        var other = new SharedSessions(() -> database, clock, Duration.ofMinutes(60));
        var until = Instant.parse("2026-11-25T10:30:00Z");
        sessions.set("s1", "humanUntil", until);
        assertEquals(Optional.of(until), other.instant("s1", "humanUntil"));
        assertEquals(Optional.empty(), other.instant("s2", "humanUntil"));
    }

    @Test
    void aTextIsSetOnceAndThenKeptWhateverTheNextSupplierSays() {
        assertEquals("first", sessions.textOrSet("s1", "csrf", () -> "first"));
        assertEquals("first", sessions.textOrSet("s1", "csrf", () -> "second"));
        assertEquals(Optional.of("first"), sessions.text("s1", "csrf"));
        assertEquals(Optional.empty(), sessions.text("s2", "csrf"));
    }

    @Test
    void aListKeepsItsLastValuesOnly() {
        for (int i = 0; i < 5; i++) {
            sessions.append("s1", "own", "d" + i, 3);
        }
        assertEquals(List.of("d2", "d3", "d4"), sessions.texts("s1", "own"));
        assertEquals(List.of(), sessions.texts("s2", "own"));
    }

    @Test
    void fieldsOfOneSessionDoNotOverwriteEachOther() {
        sessions.textOrSet("s1", "csrf", () -> "token");
        sessions.append("s1", "own", "d1", 3);
        sessions.set("s1", "humanUntil", clock.instant());
        assertEquals(Optional.of("token"), sessions.text("s1", "csrf"));
        assertEquals(List.of("d1"), sessions.texts("s1", "own"));
    }

    @Test
    void anIdleSessionIsGoneAndForgettingDeletesIt() {
        sessions.textOrSet("s1", "csrf", () -> "token");
        clock.advance(Duration.ofMinutes(59));
        sessions.append("s1", "own", "d1", 3);
        sessions.textOrSet("s2", "csrf", () -> "other");
        clock.advance(Duration.ofMinutes(59));
        assertEquals(Optional.of("token"), sessions.text("s1", "csrf"), "a write keeps the session alive");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), sessions.text("s1", "csrf"));
        sessions.forget();
        assertEquals(0, database.getCollection(SharedSessions.COLLECTION).countDocuments());
    }

    @Test
    void theTtlIndexIsCreatedIdempotently() {
        SharedSessions.ensureIndexes(database);
        SharedSessions.ensureIndexes(database);
        assertTrue(database.getCollection(SharedSessions.COLLECTION).listIndexes().into(new java.util.ArrayList<>()).stream()
                .anyMatch(index -> "forgetAt_ttl".equals(index.getString("name"))));
    }
}
