package app.digits.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body into memory without ever holding more than a configured number of bytes, so a huge
 * upload is refused with 413 as soon as it crosses the limit instead of filling the heap first.
 */
public final class BoundedInput {

    private BoundedInput() {
    }

    public static byte[] readAtMost(InputStream in, long maxBytes, String what) {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        long total = 0;
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw ProblemException.tooLarge(what + " is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + what, e);
        }
        return out.toByteArray();
    }
}
