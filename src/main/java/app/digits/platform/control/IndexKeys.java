package app.digits.platform.control;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique index maps (the {@code _id} index of every collection). Their
 * keys are mongo-java-server's {@code KeyValue}s, which H2's {@link ObjectDataType} orders by comparing their
 * Java serializations: every step of every index search serialized two keys, a quarter of the CPU of an
 * import. For the keys this app writes (one string of ASCII characters, no NUL) the order of those
 * serializations is known without serializing: they differ only in the string's two-byte length and then its
 * bytes, so shorter strings come first and equal lengths compare character by character. Every other key
 * still goes through the serializations, so the order is exactly the one on disk and a database written
 * before (or by the library alone) reads and grows unchanged. For the same reason as {@link DocumentValues},
 * a key of one string is written as that string behind a tag of its own rather than Java-serialized (each
 * commit rewrote every changed index page, serializing all its keys); keys written before read as before.
 */
final class IndexKeys extends ObjectDataType {

    /** A tag H2's {@link ObjectDataType} never writes (its tags are 0-19, 32-49 and 64-119). */
    private static final byte ONE_STRING = 126;

    /** Bytes of a {@code KeyValue} of one string beyond its characters: the key, its list and array, the string. */
    private static final int KEY_OVERHEAD = 160;

    private static final int UNKNOWN = 2;

    /** Java serialization writes strings of up to 65,535 bytes with a two-byte length, longer ones otherwise. */
    private static final int SHORT_STRING = 65_535;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right && left.size() == 1 && right.size() == 1
                && left.get(0) instanceof String x && right.get(0) instanceof String y) {
            int order = asciiOrder(x, y);
            if (order != UNKNOWN) {
                return order;
            }
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue value && value.size() == 1 && value.get(0) instanceof String text) {
            buffer.put(ONE_STRING).putVarInt(text.length()).putStringData(text, text.length());
        } else {
            super.write(buffer, key);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != ONE_STRING) {
            return super.read(buffer);
        }
        buffer.get();
        return new KeyValue(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
    }

    /**
     * The heap a key of one string takes (the key, its list, the string), for H2's page-size and cache
     * estimates; H2's own estimate learns only from the keys it serializes and would stay at its 10,000-byte
     * start, splitting index pages after a key or two and committing far more often.
     */
    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue value && value.size() == 1 && value.get(0) instanceof String text
                ? KEY_OVERHEAD + text.length() : super.getMemory(key);
    }

    /** -1, 0 or 1 as the serializations of the two strings compare, or {@link #UNKNOWN} unless both are ASCII. */
    static int asciiOrder(String x, String y) {
        int n = x.length();
        int m = y.length();
        if (n > SHORT_STRING || m > SHORT_STRING) {
            return UNKNOWN;
        }
        int common = Math.min(n, m);
        int first = 0;
        for (int i = 0; i < common; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (!ascii(c) || !ascii(d)) {
                return UNKNOWN;
            }
            if (first == 0 && c != d) {
                first = c < d ? -1 : 1;
            }
        }
        if (!ascii(x, common) || !ascii(y, common)) {
            return UNKNOWN;
        }
        return n != m ? (n < m ? -1 : 1) : first;
    }

    private static boolean ascii(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!ascii(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** One byte in modified UTF-8, with the same value: NUL takes two bytes there. */
    private static boolean ascii(char c) {
        return c != 0 && c < 128;
    }
}
