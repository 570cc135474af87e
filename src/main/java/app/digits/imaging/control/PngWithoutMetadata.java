package app.digits.imaging.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * An uploaded PNG as it is stored with its drawing: only the chunks that make the picture (header, palette,
 * transparency, gamma and colour space, image data, end), with the rest (text, EXIF and its GPS position, time,
 * colour profiles, animation frames) left out. People's drawings are kept and shown to the admin, so what a
 * phone or an editor wrote beside the pixels must not be kept with them, nor can a small image carry megabytes
 * of text into every stored drawing. The kept chunks are copied byte for byte (their checksums with them), so
 * the picture is the one that was decoded. A PNG with a critical chunk this class does not know, or whose
 * chunks do not add up to its length, is not trusted: the caller re-encodes the decoded image instead.
 */
final class PngWithoutMetadata {

    private static final int SIGNATURE_LENGTH = 8;
    /** Length, type and checksum: what a chunk has besides its data. */
    private static final int CHUNK_OVERHEAD = 12;
    private static final Set<String> PICTURE = Set.of("IHDR", "PLTE", "tRNS", "gAMA", "sRGB", "IDAT", "IEND");

    private PngWithoutMetadata() {
    }

    /**
     * The PNG with its picture's chunks only: the same array when it has nothing else, empty when its chunks
     * cannot be read or it has a critical chunk (a type starting with a capital) other than the known ones.
     */
    static Optional<byte[]> of(byte[] png) {
        var buffer = ByteBuffer.wrap(png);
        ByteArrayOutputStream kept = null;
        int at = SIGNATURE_LENGTH;
        while (at + CHUNK_OVERHEAD <= png.length) {
            long length = Integer.toUnsignedLong(buffer.getInt(at));
            if (length > png.length - at - CHUNK_OVERHEAD) {
                return Optional.empty();
            }
            var type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            int size = (int) length + CHUNK_OVERHEAD;
            if (PICTURE.contains(type)) {
                if (kept != null) {
                    kept.write(png, at, size);
                }
            } else if (Character.isUpperCase(type.charAt(0))) {
                return Optional.empty();
            } else if (kept == null) {
                // the first chunk left out: the chunks before it are all kept, the copy starts with them
                kept = new ByteArrayOutputStream(png.length - size);
                kept.write(png, 0, at);
            }
            at += size;
            if (type.equals("IEND")) {
                return Optional.of(kept != null ? kept.toByteArray() : at == png.length ? png : Arrays.copyOf(png, at));
            }
        }
        return Optional.empty();
    }
}
