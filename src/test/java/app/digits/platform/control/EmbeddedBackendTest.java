package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's index order is the library's own, and a database of the library's backend opens, reads and grows. */
class EmbeddedBackendTest {

    @TempDir
    Path folder;

    @Test
    void ordersIndexKeysExactlyAsTheirSerializations() {
        var random = new Random(11);
        var keys = new ArrayList<KeyValue>();
        for (int i = 0; i < 400; i++) {
            keys.add(new KeyValue(text(random, "ab", random.nextInt(6))));
            keys.add(new KeyValue(text(random, "0123456789abcdef", 38 + random.nextInt(5))));
        }
        for (var odd : List.of("é", "aé", "a\0", "\0", "日本", "a\uD83D\uDE00", "", "Zz", "zZ", "a".repeat(70_000))) {
            keys.add(new KeyValue(odd));
        }
        keys.add(new KeyValue(42));
        keys.add(new KeyValue(42L));
        keys.add(new KeyValue("a", "b"));
        keys.add(new KeyValue("a", 1));
        var order = new IndexKeys();
        var serialized = keys.stream().map(ObjectDataType::serialize).toList();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i; j < keys.size(); j += 1 + random.nextInt(7)) {
                var a = keys.get(i);
                var b = keys.get(j);
                assertEquals(Integer.signum(ObjectDataType.compareNotNull(serialized.get(i), serialized.get(j))),
                        Integer.signum(order.compare(a, b)), () -> "order of " + a + " and " + b);
            }
        }
    }

    @Test
    void writesKeysOfOneStringCompactlyAndReadsKeysWrittenBefore() {
        var keys = new IndexKeys();
        for (var key : List.of(new KeyValue("81f98f8607d34fd3cf18b169de8c814ed0acb367"), new KeyValue("é日\0"), new KeyValue(42),
                new KeyValue("a", 1))) {
            for (var writer : List.of(keys, new ObjectDataType())) {
                var buffer = new org.h2.mvstore.WriteBuffer();
                writer.write(buffer, key);
                int length = buffer.position();
                assertEquals(key, keys.read(buffer.getBuffer().flip()));
                if (writer == keys && key.size() == 1 && key.get(0) instanceof String text) {
                    assertEquals(true, length < 8 + 3 * text.length(), () -> length + " bytes for " + key);
                }
            }
        }
    }

    @Test
    void aDatabaseWrittenByTheLibrarysBackendOpensFindsAndStaysUnique() {
        var file = folder.resolve("old.mv.db");
        var ids = new ArrayList<String>();
        var random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            ids.add(text(random, "0123456789abcdef", 40));
        }
        withServer(H2Backend::new, file, things -> insert(things, ids.subList(0, 2_000)));
        withServer(EmbeddedBackend::new, file, things -> {
            ids.subList(0, 2_000).forEach(id -> assertNotNull(things.find(Filters.eq("_id", id)).first(), id));
            assertThrows(MongoBulkWriteException.class, () -> insert(things, ids.subList(1_999, 2_000)));
            insert(things, ids.subList(2_000, 3_000));
            assertEquals(3_000, things.countDocuments());
        });
        withServer(EmbeddedBackend::new, file, things -> {
            ids.forEach(id -> assertEquals(id.length(), things.find(Filters.eq("_id", id)).first().getInteger("n"), id));
            assertThrows(MongoBulkWriteException.class, () -> insert(things, List.of(ids.get(2_500))));
        });
    }

    private static void withServer(Function<MVStore, MongoBackend> backend, Path file,
                                   Consumer<com.mongodb.client.MongoCollection<Document>> work) {
        var server = new MongoServer(backend.apply(new MVStore.Builder().fileName(file.toString()).open()));
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort())) {
            work.accept(client.getDatabase("digits").getCollection("things"));
        } finally {
            server.shutdownNow();
        }
    }

    private static void insert(com.mongodb.client.MongoCollection<Document> things, List<String> ids) {
        things.insertMany(ids.stream().map(id -> new Document("_id", id).append("n", id.length())).toList());
    }

    private static String text(Random random, String alphabet, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
