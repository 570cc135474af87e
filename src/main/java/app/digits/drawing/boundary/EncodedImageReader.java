package app.digits.drawing.boundary;

import app.digits.platform.boundary.RequestSizeLimit;
import app.digits.platform.control.BoundedInput;
import app.digits.prediction.control.DrawingInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one reader of images: binds a PNG or JPEG, sent as the whole body or as the {@code image} part of a
 * multipart upload (where a file may also come as {@code application/octet-stream}), to the encoded image the
 * recognizer takes, holding at most {@code digits.upload.max-body-bytes} in memory (413 past it, also for a
 * body of unknown length). Decoding, with its own byte and pixel limits, is the recognizer's. Not a CDI bean,
 * for the reason {@link app.digits.platform.boundary.StrictJsonReader} gives.
 */
@Provider
@Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
public class EncodedImageReader implements MessageBodyReader<DrawingInput.EncodedImage> {

    private final long maxBodyBytes = RequestSizeLimit.maxBodyBytes();

    /** Whether an image sent with this media type (a multipart part's, say) is one this reader takes. */
    static boolean reads(MediaType type) {
        return type != null && Arrays.asList(EncodedImageReader.class.getAnnotation(Consumes.class).value())
                .contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == DrawingInput.EncodedImage.class;
    }

    @Override
    public DrawingInput.EncodedImage readFrom(Class<DrawingInput.EncodedImage> type, Type genericType, Annotation[] annotations,
                                              MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        return new DrawingInput.EncodedImage(BoundedInput.readAtMost(body, maxBodyBytes, "The image"));
    }
}
