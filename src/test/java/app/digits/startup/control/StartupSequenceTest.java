package app.digits.startup.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digits.platform.control.MongoConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupSequenceTest {

    @Test
    void anErrorInAStepIsAFailedStartNotASilentlyEndedTask() {
        var reasons = new ArrayList<String>();
        var sequence = new StartupSequence();
        sequence.status = new StartupStatus() {
            @Override
            public void failed(String reason) {
                reasons.add(reason);
            }
        };
        sequence.connection = new MongoConnection() {
            @Override
            public synchronized void open() {
                throw new NoClassDefFoundError("org/h2/mvstore/MVStore");
            }
        };
        sequence.contextStarted = new ContextStarted();
        sequence.contextStarted.port = Optional.empty();
        sequence.attempts = 1;
        sequence.firstRetryMillis = 1;
        sequence.exitOnFailure = false;

        sequence.run("");

        assertEquals(List.of("org/h2/mvstore/MVStore"), reasons);
    }
}
