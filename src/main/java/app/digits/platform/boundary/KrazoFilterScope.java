package app.digits.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Makes Krazo's form-method filter one instance for the application instead of one per request. Krazo 3
 * declares {@code FormMethodOverwriteFilter} without a scope, and its constructor looks its form reader up with
 * a {@code ServiceLoader} over the whole class path: a JFR profile of {@code POST /api/predictions} under
 * load spent 12 % of the server's CPU in that constructor alone, for every request the application answers,
 * API calls included. The filter keeps no per-request state (its fields are that reader and Krazo's
 * application-wide configuration; the request arrives as the filter's argument), so one shared instance
 * answers the same. The request scope it gets is given by the container's JAX-RS integration while the types
 * are discovered, so this observer runs after every library's and replaces that scope.
 */
public class KrazoFilterScope implements Extension {

    private static final String FORM_METHOD_FILTER = "org.eclipse.krazo.forms.FormMethodOverwriteFilter";

    void shareFormMethodFilter(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000)
                               ProcessAnnotatedType<? extends ContainerRequestFilter> type) {
        if (FORM_METHOD_FILTER.equals(type.getAnnotatedType().getJavaClass().getName())) {
            type.configureAnnotatedType()
                    .remove(annotation -> annotation.annotationType() == RequestScoped.class)
                    .add(ApplicationScoped.Literal.INSTANCE);
        }
    }
}
