package app.digits.platform.boundary;

import app.digits.platform.control.PublicBaseUrl;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replaces the scheme, host and port JAX-RS took from the request (the client's {@code Host} header) with the
 * {@link PublicBaseUrl} before anything is matched, so every {@code UriInfo} base URI, {@code Location} and
 * link the API builds points at the application itself, whatever {@code Host} a client sends.
 */
@Provider
@PreMatching
public class PublicBaseUri implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "digits.public-base-url")
    Optional<String> configured;

    @Context
    HttpServletRequest servletRequest;

    private PublicBaseUrl publicBaseUrl;

    @PostConstruct
    void init() {
        publicBaseUrl = new PublicBaseUrl(configured);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var uriInfo = request.getUriInfo();
        var oldBase = uriInfo.getBaseUri().toString();
        var oldRequest = uriInfo.getRequestUri().toString();
        var root = publicBaseUrl.root(servletRequest.getScheme(), servletRequest.getLocalAddr(), servletRequest.getLocalPort(),
                servletRequest.getContextPath());
        var servlet = stripLeadingSlash(servletRequest.getServletPath());
        var base = servlet.isEmpty() ? root : root.resolve(servlet + "/");
        var rest = oldRequest.startsWith(oldBase) ? oldRequest.substring(oldBase.length()) : uriInfo.getPath(false);
        request.setRequestUri(base, URI.create(base + rest));
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
