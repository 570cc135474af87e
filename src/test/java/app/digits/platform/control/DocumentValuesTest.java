package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents go through the store as BSON, and values written the old way still read back. */
class DocumentValuesTest {

    private final DocumentValues values = new DocumentValues();

    @Test
    void aDocumentOfEveryKindTheAppWritesReadsBackEqual() {
        var document = new Document("_id", "3f2a").append("label", 7).append("sourceIndex", 59_999L)
                .append("confidence", 0.981).append("blank", false).append("reason", null)
                .append("pixels", new byte[] {0, 1, (byte) 255}).append("createdAt", Instant.ofEpochMilli(1_764_000_000_123L))
                .append("probabilities", List.of(0.1, 0.9)).append("session", UUID.fromString("12345678-1234-4234-8234-123456789abc"))
                .append("owner", new ObjectId()).append("readings", List.of(new Document("digit", 4).append("top", 3)));
        var read = (Document) roundTrip(values, values, document);
        assertEquals(document.keySet().stream().toList(), read.keySet().stream().toList());
        document.keySet().stream().filter(key -> !key.equals("pixels"))
                .forEach(key -> assertEquals(document.get(key), read.get(key), key));
        assertEquals(List.of((byte) 0, (byte) 1, (byte) 255), bytes(read.get("pixels")));
    }

    @Test
    void readsWhatH2WroteBeforeAndWritesTheRestAsH2Does() {
        var old = new Document("_id", "a").append("n", 1);
        assertEquals(old, roundTrip(new ObjectDataType(), values, old));
        assertEquals("not a document", roundTrip(values, values, "not a document"));
        var unencodable = new Document("_id", "b").append("locale", Locale.GERMANY);
        assertEquals(unencodable, roundTrip(values, values, unencodable));
        assertEquals(unencodable, roundTrip(values, new ObjectDataType(), unencodable));
    }

    private static Object roundTrip(ObjectDataType writer, ObjectDataType reader, Object value) {
        var buffer = new WriteBuffer();
        writer.write(buffer, value);
        buffer.put((byte) 42);
        ByteBuffer written = buffer.getBuffer().flip();
        var read = reader.read(written);
        assertEquals(42, written.get(), "the value's bytes end where the next value starts");
        return read;
    }

    private static List<Byte> bytes(Object binary) {
        byte[] data = binary instanceof byte[] array ? array : ((de.bwaldvogel.mongo.bson.BinData) binary).getData();
        var list = new java.util.ArrayList<Byte>();
        for (byte b : data) {
            list.add(b);
        }
        return list;
    }
}
