package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(3), pauses::add);

    @Test
    void aStepThatSucceedsAtOnceIsRunOnceWithoutPause() throws Exception {
        assertEquals("ok", backoff.run("step", () -> "ok"));
        assertEquals(List.of(), pauses);
    }

    @Test
    void aFailingStepIsTriedAgainAfterPausesThatDoubleUpToTheCeiling() throws Exception {
        int[] calls = {0};
        var result = backoff.run("step", () -> {
            if (++calls[0] < 5) {
                throw new IOException("not yet");
            }
            return calls[0];
        });
        assertEquals(5, result);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3)), pauses);
    }

    @Test
    void theLastFailureReachesTheCallerAfterTheLastAttempt() {
        int[] calls = {0};
        var last = new IllegalStateException("still down");
        var thrown = assertThrows(IllegalStateException.class, () -> backoff.run("step", () -> {
            calls[0]++;
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(5, calls[0]);
        assertEquals(4, pauses.size(), "no pause after the last attempt");
    }
}
