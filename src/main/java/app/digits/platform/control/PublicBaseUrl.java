package app.digits.platform.control;

import java.net.URI;
import java.util.Optional;

/**
 * Where the application is reached from outside, for the absolute links it hands out (the {@code Location} of
 * a created prediction, the links to its images). The {@code Host} header is never used: any client can send
 * {@code Host: evil.example}, and a link built from it would send the next reader (or a cache) elsewhere.
 *
 * <p>The configured {@code digits.public-base-url} ({@code DIGITS_PUBLIC_BASE_URL}) wins, as it must behind a
 * proxy or load balancer. Without it the links use the address and port the request actually arrived on (the
 * server's own socket, e.g. {@code http://127.0.0.1:8080/}), which a client cannot choose: correct for direct
 * access and tests, harmless otherwise. Relative links were the alternative, but JAX-RS resolves a
 * {@code Location} against the base URI anyway and API clients expect absolute links.
 */
public final class PublicBaseUrl {

    private final Optional<URI> configured;

    public PublicBaseUrl(Optional<String> configured) {
        this.configured = configured.filter(value -> !value.isBlank()).map(PublicBaseUrl::checked);
    }

    /**
     * The application's root for a request that arrived over {@code scheme} on the local socket
     * {@code localAddress:localPort}, under {@code contextPath}; always ends with a slash.
     */
    public URI root(String scheme, String localAddress, int localPort, String contextPath) {
        return configured.orElseGet(() -> {
            var host = localAddress.contains(":") ? "[" + localAddress.replaceAll("%.*$", "") + "]" : localAddress;
            return URI.create(scheme + "://" + host + ":" + localPort + contextPath + "/");
        });
    }

    private static URI checked(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("digits.public-base-url is not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("digits.public-base-url must be an http(s) URL without query or fragment, like "
                    + "https://digits.example.org/ (got " + value + ")");
        }
        return uri.getRawPath().endsWith("/") ? uri : URI.create(uri + "/");
    }
}
