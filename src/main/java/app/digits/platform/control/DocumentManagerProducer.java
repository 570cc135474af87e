package app.digits.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;

/**
 * Hands JNoSQL the application's own MongoDB client instead of the one its default producers would build
 * from {@code jnosql.*} settings (which would point at localhost:27017, not at the embedded server). It is
 * an alternative with a priority so it wins over those producers; the manager cannot be proxied, so it is
 * produced {@code @Dependent} returning one cached instance.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class DocumentManagerProducer {

    @Inject
    MongoConnection connection;

    private MongoDBDocumentManager manager;

    private synchronized MongoDBDocumentManager manager() {
        if (manager == null) {
            manager = new MongoDBDocumentConfiguration().get(connection.client()).apply(connection.databaseName());
        }
        return manager;
    }

    @Produces
    @Dependent
    @Typed(MongoDBDocumentManager.class)
    public MongoDBDocumentManager mongoDocumentManager() {
        return manager();
    }

    @Produces
    @Dependent
    @Database(DatabaseType.DOCUMENT)
    public DatabaseManager documentManager() {
        return manager();
    }
}
