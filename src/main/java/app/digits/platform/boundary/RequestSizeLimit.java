package app.digits.platform.boundary;

import app.digits.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared length is over its limit before any of its body is read or parsed (a
 * multipart body would otherwise be buffered whole first): CSV imports may be large, everything else is a
 * drawing. Bodies of unknown length are still bounded while they are read.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final String MAX_BODY_BYTES = "digits.upload.max-body-bytes";
    public static final String CSV_MAX_BYTES = "digits.import.csv-max-bytes";
    private static final long DEFAULT_MAX_BODY_BYTES = 3_000_000;

    @Inject
    @ConfigProperty(name = MAX_BODY_BYTES, defaultValue = "3000000")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = CSV_MAX_BYTES, defaultValue = "300000000")
    long csvMaxBytes;

    /** The server-wide bound of a request body, for the body readers, which are not CDI beans. */
    public static long maxBodyBytes() {
        return ConfigProvider.getConfig().getOptionalValue(MAX_BODY_BYTES, Long.class).orElse(DEFAULT_MAX_BODY_BYTES);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = request.getUriInfo().getPath().startsWith("api/datasets") ? csvMaxBytes : maxBodyBytes;
        if (request.getLength() > limit) {
            throw ProblemException.tooLarge("The request body is " + request.getLength()
                    + " bytes; the limit is " + limit);
        }
    }
}
