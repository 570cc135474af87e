package app.digits.platform.control;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Runs a step again, after a pause that doubles each time (up to a ceiling), when it fails; after the last
 * attempt the step's own exception goes to the caller. Start-up uses it so a passing fault (a database that
 * is still starting, a port not yet released) does not leave the server up but useless.
 */
public final class Backoff {

    private static final Logger LOG = Logger.getLogger(Backoff.class.getName());

    /** One attempt of the step. */
    public interface Step<T> {
        T run() throws Exception;
    }

    /** How the pause is spent: {@link Thread#sleep(Duration)} in production, recorded in tests. */
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private final int attempts;
    private final Duration first;
    private final Duration ceiling;
    private final Sleeper sleeper;

    public Backoff(int attempts, Duration first, Duration ceiling, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed, not " + attempts);
        }
        this.attempts = attempts;
        this.first = first;
        this.ceiling = ceiling;
        this.sleeper = sleeper;
    }

    public <T> T run(String name, Step<T> step) throws Exception {
        var pause = first;
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= attempts) {
                    throw e;
                }
                var wait = pause;
                int failed = attempt;
                LOG.warning(() -> "Start-up step '" + name + "' failed (attempt " + failed + " of " + attempts + "): " + e
                        + "; trying again in " + wait.toMillis() + " ms");
                sleeper.sleep(wait);
                pause = pause.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : pause.multipliedBy(2);
            }
        }
    }
}
