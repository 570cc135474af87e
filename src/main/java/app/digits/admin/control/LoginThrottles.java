package app.digits.admin.control;

import app.digits.platform.control.DatabaseConnected;
import app.digits.platform.control.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the application's one {@link LoginThrottle} from configuration ({@code digits.admin.login.*}), on the
 * system clock and the application's MongoDB, and creates its index once the database is connected, so the
 * throttle itself stays a plain class that tests drive with their own clock and database.
 */
@ApplicationScoped
public class LoginThrottles {

    @Inject
    MongoConnection mongo;

    @Produces
    @Singleton
    LoginThrottle throttle(
            @ConfigProperty(name = "digits.admin.login.free-failures", defaultValue = "5") int freeFailures,
            @ConfigProperty(name = "digits.admin.login.first-delay-seconds", defaultValue = "2") long firstDelay,
            @ConfigProperty(name = "digits.admin.login.max-delay-seconds", defaultValue = "900") long maxDelay,
            @ConfigProperty(name = "digits.admin.login.forget-after-seconds", defaultValue = "3600") long forgetAfter) {
        return new LoginThrottle(new LoginThrottle.Policy(freeFailures, Duration.ofSeconds(firstDelay),
                Duration.ofSeconds(maxDelay), Duration.ofSeconds(forgetAfter)), Clock.systemUTC(), mongo::database);
    }

    void prepare(@Observes DatabaseConnected connected) {
        LoginThrottle.ensureIndexes(mongo.database());
    }
}
