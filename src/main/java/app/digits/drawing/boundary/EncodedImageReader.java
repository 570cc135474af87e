package app.digits.drawing.boundary;

import app.digits.platform.boundary.RequestSizeLimit;
import app.digits.platform.control.BoundedInput;
import app.digits.prediction.control.DrawingInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds a PNG or JPEG request body to the encoded image the recognizer takes, holding at most
 * {@code digits.upload.max-body-bytes} in memory (413 past it, also for a body of unknown length). Decoding,
 * with its own byte and pixel limits, is the recognizer's.
 */
@Provider
@Consumes({"image/png", "image/jpeg"})
@ApplicationScoped
public class EncodedImageReader implements MessageBodyReader<DrawingInput.EncodedImage> {

    @Inject
    @ConfigProperty(name = RequestSizeLimit.MAX_BODY_BYTES, defaultValue = "3000000")
    long maxBodyBytes;

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
