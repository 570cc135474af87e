package app.digits.platform.control;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientException;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the one MongoDB client of the application. With {@code MONGODB_URI} set it talks to that server and
 * starts nothing; without it, it starts an embedded MongoDB wire-protocol server (mongo-java-server with an
 * H2 file under the data directory, see {@link EmbeddedBackend}) on loopback, so a single command runs everything; other instances join
 * it with {@code MONGODB_URI} when it listens on a fixed port ({@code digits.mongodb.embedded-port}). Either
 * way the rest of the app only sees the official driver and a {@code mongodb://} (or {@code mongodb+srv://})
 * URI, and writes wait for the configured write concern ({@code majority} by default).
 *
 * <p>Nothing happens when the bean is created: the start-up sequence calls {@link #open()} once the
 * application is deployed, with the application's own class loader as the thread's context loader. Opening
 * from a {@code @PostConstruct} let whichever thread first touched the bean during deployment start the
 * server, and netty's threads inherited that thread's context class loader, sometimes a throw-away loader
 * Payara closes after deployment ("zip file closed"). Until it is open, {@link #client()} fails like an
 * unreachable server does, which the API answers with 503. The driver's timeouts are short so a request
 * fails fast while MongoDB is away, and the driver reconnects by itself when it comes back.
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

    @Inject
    @ConfigProperty(name = "digits.mongodb.timeout-ms", defaultValue = "3000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "digits.mongodb.write-concern", defaultValue = "majority")
    String writeConcern;

    private volatile MongoServer embedded;
    private volatile MongoClient client;
    private volatile String databaseName;

    /** Connects (starting the embedded server first if no URI is configured); does nothing when already open. */
    public synchronized void open() {
        if (client != null) {
            return;
        }
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MongoConnection.class.getClassLoader());
        try {
            var connection = new ConnectionString(uri.filter(value -> !value.isBlank()).orElseGet(this::startEmbedded));
            databaseName = Optional.ofNullable(connection.getDatabase()).orElse(defaultDatabase);
            client = MongoClients.create(settings(connection));
        } catch (RuntimeException e) {
            stopEmbedded();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The URI's own timeouts and write concern ({@code w=}) win; otherwise the configured timeout bounds server
     * selection, connecting and reading, and writes wait for the configured write concern.
     */
    private MongoClientSettings settings(ConnectionString connection) {
        return MongoClientSettings.builder()
                .writeConcern(writeConcern(writeConcern))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                        .readTimeout(10 * timeoutMillis, TimeUnit.MILLISECONDS))
                .applyConnectionString(connection)
                .build();
    }

    /** {@code majority}, a number of members ({@code 1}), or a tag set name, as in a URI's {@code w=}. */
    static WriteConcern writeConcern(String w) {
        var value = w.strip();
        if (value.equalsIgnoreCase("majority")) {
            return WriteConcern.MAJORITY;
        }
        return value.chars().allMatch(Character::isDigit) && !value.isEmpty() ? new WriteConcern(Integer.parseInt(value))
                : new WriteConcern(value);
    }

    private String startEmbedded() {
        var file = Path.of(dataDir).toAbsolutePath().resolve("mongo").resolve("digits.mv.db");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB directory " + file.getParent(), e);
        }
        embedded = new MongoServer(new EmbeddedBackend(openStore(file)));
        embedded.bind(new InetSocketAddress("127.0.0.1", embeddedPort));
        var address = (InetSocketAddress) embedded.getLocalAddress();
        LOG.info(() -> "No MONGODB_URI configured: embedded MongoDB on 127.0.0.1:" + address.getPort() + ", data in " + file);
        return "mongodb://127.0.0.1:" + address.getPort() + "/";
    }

    /**
     * The embedded server's H2 store, without background compaction: compaction rewrites live pages into new
     * chunks while the server reads, and on a large store (100,000 drawings) a long read then failed with
     * "Chunk N not found" (h2database#4382, open upstream). Freed space is still reused for new chunks.
     */
    private static MVStore openStore(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
    }

    @Produces
    public MongoDatabase database() {
        return client().getDatabase(databaseName);
    }

    /** The client, or the driver's own "cannot reach MongoDB" exception while start-up has not connected yet. */
    public MongoClient client() {
        var current = client;
        if (current == null) {
            throw new MongoClientException("MongoDB is not connected yet: the server is starting");
        }
        return current;
    }

    public String databaseName() {
        return databaseName == null ? defaultDatabase : databaseName;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        stopEmbedded();
        deregisterOwnDrivers();
    }

    private void stopEmbedded() {
        if (embedded != null) {
            embedded.shutdownNow();
            embedded = null;
        }
    }

    /**
     * H2 registers its JDBC driver with the JVM-wide {@link DriverManager} as soon as its classes load; left
     * there, it pins this application's class loader after undeployment (Payara's "registered the JDBC driver
     * [org.h2.Driver] but failed to unregister it" warning).
     */
    private static void deregisterOwnDrivers() {
        var loader = MongoConnection.class.getClassLoader();
        for (var driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == loader) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "Could not deregister the JDBC driver " + driver.getClass().getName(), e);
                }
            }
        }
    }
}
