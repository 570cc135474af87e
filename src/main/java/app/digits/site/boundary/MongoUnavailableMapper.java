package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What is answered while MongoDB cannot be reached (not started yet, stopped, a dead address): a 503 with
 * {@code Retry-After}, not a 500, since nothing is wrong with the request and the driver reconnects by itself
 * when the database is back. The driver's exceptions for this have two roots, hence one small mapper per root
 * on this base.
 */
public abstract class MongoUnavailableMapper<E extends RuntimeException> extends ProblemMapper<E> {

    private static final Logger LOG = Logger.getLogger(MongoUnavailableMapper.class.getName());

    @Override
    ProblemException problemOf(E error) {
        return unavailable(error);
    }

    /** The 503 for a driver exception that says MongoDB cannot be reached, for callers outside JAX-RS too. */
    public static ProblemException unavailable(RuntimeException error) {
        LOG.warning(() -> "MongoDB is unavailable: " + error.getMessage());
        int seconds = ConfigProvider.getConfig().getOptionalValue("digits.mongodb.retry-after-seconds", Integer.class).orElse(5);
        return ProblemException.unavailable("The database is unavailable at the moment; nothing was stored, try again later",
                Duration.ofSeconds(seconds));
    }
}
