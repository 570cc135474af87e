package app.digits.platform.boundary;

import app.digits.platform.control.BoundedInput;
import app.digits.platform.control.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Binds JSON request bodies to the request records of the resources ({@link JsonRequest}), strictly
 * ({@link JsonBodies}: whole numbers that are whole, keys once, no unknown field, a refusal that names the field)
 * rather than with JSON-B's lenient reading, and never holding more than the limit in memory (413 past it: the
 * server-wide {@code digits.upload.max-body-bytes}, or a parameter's own {@link BodyLimit}). A resource method
 * then takes the record as its parameter, with {@code @Valid} for the record's constraints.
 * <p>
 * Deliberately not a CDI bean: JAX-RS ranks readers by the type argument it finds on the provider's class, and
 * an application-scoped bean reaches Jersey as a Weld client proxy, a generated subclass that implements
 * {@code MessageBodyReader} without type argument and without the {@code @Consumes} of this class. The proxy
 * then tied with JSON-B's reader, and which one won depended on the order of a hash set. As a plain provider,
 * {@code JsonRequest} is the nearest declared type to every request record and this reader always wins.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonReader implements MessageBodyReader<JsonRequest> {

    private final long maxBodyBytes;

    public StrictJsonReader() {
        this(RequestSizeLimit.maxBodyBytes());
    }

    StrictJsonReader(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonRequest.class.isAssignableFrom(type);
    }

    @Override
    public JsonRequest readFrom(Class<JsonRequest> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                                MultivaluedMap<String, String> headers, InputStream body) {
        return JsonBodies.parse(read(body, annotations, maxBodyBytes), type);
    }

    /** The body's bytes, within the parameter's {@link BodyLimit} or else the server-wide limit. */
    public static byte[] read(InputStream body, Annotation[] annotations, long serverLimit) {
        var limit = Arrays.stream(annotations).filter(BodyLimit.class::isInstance).map(BodyLimit.class::cast).findFirst();
        return BoundedInput.readAtMost(body, limit.map(BodyLimit::value).orElse(serverLimit),
                limit.map(BodyLimit::what).orElse("The JSON body"));
    }
}
