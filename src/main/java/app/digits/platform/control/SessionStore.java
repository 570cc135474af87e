package app.digits.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the application's {@link SharedSessions} on the application's MongoDB and the system clock, with the
 * configured idle time ({@code digits.session.idle-minutes}), and creates its TTL index once the database is
 * connected.
 */
@ApplicationScoped
public class SessionStore {

    @Inject
    MongoConnection mongo;

    @Produces
    @Singleton
    SharedSessions sessions(@ConfigProperty(name = "digits.session.idle-minutes", defaultValue = "60") long idleMinutes) {
        return new SharedSessions(mongo::database, Clock.systemUTC(), Duration.ofMinutes(idleMinutes));
    }

    void prepare(@Observes DatabaseConnected connected) {
        SharedSessions.ensureIndexes(mongo.database());
    }
}
