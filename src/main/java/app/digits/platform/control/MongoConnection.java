package app.digits.platform.control;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the one MongoDB client of the application. With {@code MONGODB_URI} set it talks to that server and
 * starts nothing; without it, it starts an embedded MongoDB wire-protocol server (mongo-java-server with an
 * H2 file under the data directory) on loopback, so a single command runs everything. Either way the rest
 * of the app only sees the official driver and a {@code mongodb://} URI.
 */
@ApplicationScoped
public class MongoConnection {

    private static final Logger LOG = Logger.getLogger(MongoConnection.class.getName());

    @Inject
    @ConfigProperty(name = "mongodb.uri")
    Optional<String> uri;

    @Inject
    @ConfigProperty(name = "digits.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "digits.mongodb.embedded-port", defaultValue = "0")
    int embeddedPort;

    @Inject
    @ConfigProperty(name = "digits.mongodb.database", defaultValue = "digits")
    String defaultDatabase;

    private MongoServer embedded;
    private MongoClient client;
    private String databaseName;

    @PostConstruct
    void open() {
        var connection = new ConnectionString(uri.filter(value -> !value.isBlank()).orElseGet(this::startEmbedded));
        databaseName = Optional.ofNullable(connection.getDatabase()).orElse(defaultDatabase);
        client = MongoClients.create(connection);
    }

    private String startEmbedded() {
        var file = Path.of(dataDir).toAbsolutePath().resolve("mongo").resolve("digits.mv.db");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB directory " + file.getParent(), e);
        }
        embedded = new MongoServer(new H2Backend(file.toString()));
        embedded.bind(new InetSocketAddress("127.0.0.1", embeddedPort));
        var address = (InetSocketAddress) embedded.getLocalAddress();
        LOG.info(() -> "No MONGODB_URI configured: embedded MongoDB on 127.0.0.1:" + address.getPort() + ", data in " + file);
        return "mongodb://127.0.0.1:" + address.getPort() + "/";
    }

    @Produces
    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    public MongoClient client() {
        return client;
    }

    public String databaseName() {
        return databaseName;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @PreDestroy
    void close() {
        client.close();
        if (embedded != null) {
            embedded.shutdown();
        }
    }
}
