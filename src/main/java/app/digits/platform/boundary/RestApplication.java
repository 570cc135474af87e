package app.digits.platform.boundary;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The one JAX-RS application, at the root: the API's resources under {@code /api}, the pages' Jakarta MVC
 * controllers at their own addresses, so both share the exception mappers (one error path) and the request
 * filters. What is not JAX-RS keeps its own, more specific mapping and so wins over this one: the static
 * assets ({@link StaticFiles}), the error page, the
 * figures and {@code /metrics}; {@code /health} and {@code /openapi} are applications of the server.
 * {@code Location} headers are sent as the application wrote them: a page's redirect stays relative, so the
 * client's {@code Host} header never ends up in it. Krazo's CSRF check is off: {@link CsrfCheck} applies the
 * app's rule to the same {@code @CsrfProtected} methods.
 */
@ApplicationPath("")
@OpenAPIDefinition(info = @Info(title = "Digits API", version = "1.0",
        description = "Handwritten-digit recognition: send a drawing, get the digit and its probabilities."))
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true,
                Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.OFF);
    }
}
