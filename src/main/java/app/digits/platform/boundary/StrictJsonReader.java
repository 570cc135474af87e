package app.digits.platform.boundary;

import app.digits.platform.control.BoundedInput;
import app.digits.platform.control.JsonBodies;
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
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds JSON request bodies to the request records of the resources, strictly ({@link JsonBodies}: whole
 * numbers that are whole, keys once, no unknown field, a refusal that names the field) rather than with
 * JSON-B's lenient reading, and never holding more than the limit in memory (413 past it: the server-wide
 * {@code digits.upload.max-body-bytes}, or a parameter's own {@link BodyLimit}). A resource method then takes
 * the record as its parameter and reads like its use case.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class StrictJsonReader implements MessageBodyReader<Record> {

    @Inject
    @ConfigProperty(name = RequestSizeLimit.MAX_BODY_BYTES, defaultValue = "3000000")
    long maxBodyBytes;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) {
        var limit = Arrays.stream(annotations).filter(BodyLimit.class::isInstance).map(BodyLimit.class::cast).findFirst();
        var bytes = BoundedInput.readAtMost(body, limit.map(BodyLimit::value).orElse(maxBodyBytes),
                limit.map(BodyLimit::what).orElse("The JSON body"));
        return JsonBodies.parse(bytes, type);
    }
}
