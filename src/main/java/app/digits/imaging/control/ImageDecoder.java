package app.digits.imaging.control;

import app.digits.platform.control.ProblemException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an uploaded PNG or JPEG, checking size before doing any work: the byte count first, then the
 * dimensions read from the header alone, so a small file announcing a gigapixel image is refused before a
 * single pixel is allocated. Anything else (not an image, another format, a truncated file) is a 4xx. The bytes
 * are read through a memory-cached stream: ImageIO's default stream for an input stream caches it in a temporary
 * file, a file created and deleted for every upload.
 */
public final class ImageDecoder {

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private final long maxBytes;
    private final long maxPixels;

    public ImageDecoder(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    public BufferedImage decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw ProblemException.badRequest("The image is empty");
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.tooLarge("The image is " + bytes.length + " bytes; the limit is " + maxBytes);
        }
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw ProblemException.unsupportedMediaType("The data is not a PNG or JPEG image");
            }
            var reader = readers.next();
            try {
                var format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw ProblemException.unsupportedMediaType("Only PNG and JPEG images are accepted, not " + format);
                }
                reader.setInput(input, true, true);
                checkDimensions(reader);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("The image could not be decoded: it is corrupt or truncated");
        }
    }

    private void checkDimensions(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw ProblemException.badRequest("The image has no pixels");
        }
        if ((long) width * height > maxPixels) {
            throw ProblemException.tooLarge("The image is " + width + "x" + height + " pixels; the limit is "
                    + maxPixels + " pixels in all");
        }
    }
}
