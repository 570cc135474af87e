package app.digits.platform.boundary;

import app.digits.platform.control.CsrfTokens;
import app.digits.platform.control.SharedSessions;
import app.digits.platform.control.ProblemException;
import jakarta.annotation.Priority;
import jakarta.mvc.security.CsrfProtected;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The CSRF check of every state-changing method marked {@code @CsrfProtected} (the admin pages' forms and the
 * admin API), by the rule of {@link CsrfTokens}: the token in the {@code X-CSRF-Token} header (HTMX) or the
 * {@code csrf} form field, or no token from a program that sends neither {@code Origin} nor {@code Referer}.
 * Krazo's check is switched off ({@link RestApplication}): it refuses such programs. It runs after
 * authentication; a refusal is a 403 problem. The form is read from the entity and put back, so the method
 * still binds its fields; only the first 64 KB are searched for the token (admin forms are small).
 */
@Provider
public class CsrfCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(CsrfProtected.class)
                || resource.getResourceClass().isAnnotationPresent(CsrfProtected.class)) {
            context.register(Filter.class);
        }
    }

    /** The check itself, on the methods the feature chose. */
    @Priority(Priorities.AUTHORIZATION)
    public static class Filter implements ContainerRequestFilter {

        private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
        private static final int FORM_BYTES_SEARCHED = 64 * 1024;

        @Context
        HttpServletRequest servletRequest;

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            if (SAFE_METHODS.contains(request.getMethod())) {
                return;
            }
            var sent = request.getHeaderString(CsrfTokens.HEADER);
            if (sent == null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
                var start = request.getEntityStream().readNBytes(FORM_BYTES_SEARCHED);
                request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(start), request.getEntityStream()));
                sent = field(new String(start, StandardCharsets.ISO_8859_1), CsrfTokens.FIELD);
            }
            boolean fromPage = request.getHeaderString("Origin") != null || request.getHeaderString("Referer") != null;
            if (!CsrfTokens.allows(sent, CsrfTokens.existing(CDI.current().select(SharedSessions.class).get(), SessionCookie.existing(servletRequest)), fromPage)) {
                throw new ProblemException(403, "Forbidden", "This request changes state and lacks a valid CSRF token");
            }
        }

        /** The field's value, or null when it is absent or malformed (a refusal for a page). */
        private static String field(String form, String name) {
            try {
                for (var pair : form.split("&")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && name.equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
                        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    }
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            return null;
        }
    }
}
