package app.digits.platform.boundary;

import app.digits.platform.control.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while MongoDB answers a ping; reports whether it is the embedded server or an external one. */
@Readiness
@ApplicationScoped
public class MongoHealthCheck implements HealthCheck {

    @Inject
    MongoConnection connection;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("mongodb")
                .withData("database", connection.databaseName())
                .withData("embedded", connection.isEmbedded());
        try {
            connection.client().getDatabase(connection.databaseName()).runCommand(new Document("ping", 1));
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
