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
 * Deliberately not a CDI bean: Jersey ranks readers by what it reads off the provider object's class, the
 * type argument of {@code MessageBodyReader} and {@code @Consumes}, and an application-scoped bean reaches it
 * as a Weld client proxy ({@code StrictJsonReader$Proxy$_$$_WeldClientProxy}, seen in a running server), a
 * generated subclass without this class's {@code @Consumes} (so it ranked as a reader of any media type) and
 * that may implement the interface again without type argument. Against JSON-B's reader the choice then fell
 * to weaker criteria and to the order of registration, and JSON-B's reader won in some deployments. As a plain
 * provider, {@code JsonRequest} is the nearest declared type to every request record and this reader wins.
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
