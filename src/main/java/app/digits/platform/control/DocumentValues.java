package app.digits.platform.control;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections: documents as BSON, the format mongo-java-server already
 * decodes them from and encodes them to on the wire, instead of H2's default Java serialization. H2 writes
 * every changed page whole at each commit and reads every page it loads whole, so a document was serialized
 * again and again while it shared a page with newly inserted ones: writing and reading those serializations
 * took about a third of the CPU of an import. Values written before, and documents BSON cannot hold (an
 * encoder error), are written and read exactly as H2 does, so databases of older builds open and grow; a
 * database written with this type cannot be read by a build without it (H2 does not know its tag), so going
 * back to an older build means starting from an empty database.
 */
final class DocumentValues extends ObjectDataType {

    /** A tag H2's {@link ObjectDataType} never writes (its tags are 0-19, 32-49 and 64-119). */
    private static final byte BSON = 127;

    /** Bytes a document takes in memory beyond its encoded size, for H2's cache and page-size estimates. */
    private static final int OVERHEAD = 64;

    private int averageSize = 1_024;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            var encoded = Unpooled.buffer(averageSize + OVERHEAD);
            try {
                BsonEncoder.encodeDocument(document, encoded);
            } catch (RuntimeException cannotEncode) {
                super.write(buffer, value);
                return;
            }
            int length = encoded.readableBytes();
            buffer.put(BSON).putVarInt(length).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
            averageSize = (length + 15 * averageSize) / 16;
        } else {
            super.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        int start = buffer.position();
        var document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize + OVERHEAD : super.getMemory(value);
    }
}
