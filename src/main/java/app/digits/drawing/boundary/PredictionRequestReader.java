package app.digits.drawing.boundary;

import app.digits.platform.boundary.RequestSizeLimit;
import app.digits.platform.boundary.StrictJsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Binds the JSON body of a prediction: the usual {@code {"pixels": [...]}} in one pass over its bytes (a
 * prediction's largest cost before the model, see {@link PredictionRequest#parse}), anything else through the
 * strict general reading, within the same size bound as {@link StrictJsonReader}. Declared for
 * {@link PredictionRequest} itself, the nearest type there is, so JAX-RS prefers it to the general readers.
 * Not a CDI bean, for the reason {@link StrictJsonReader} gives.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class PredictionRequestReader implements MessageBodyReader<PredictionRequest> {

    private final long maxBodyBytes = RequestSizeLimit.maxBodyBytes();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == PredictionRequest.class;
    }

    @Override
    public PredictionRequest readFrom(Class<PredictionRequest> type, Type genericType, Annotation[] annotations,
                                      MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        return PredictionRequest.parse(StrictJsonReader.read(body, annotations, maxBodyBytes));
    }
}
