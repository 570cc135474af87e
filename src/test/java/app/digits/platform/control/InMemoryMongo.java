package app.digits.platform.control;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB for unit tests of control classes that use the driver: the embedded wire-protocol server the app
 * itself falls back to, with its backend, on H2 in memory, on a free loopback port. Close it after each test.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new EmbeddedBackend(new MVStore.Builder().open()));
    private final MongoClient client;

    public InMemoryMongo() {
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
