package app.digits.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * Mounts every JAX-RS resource under {@code /api}, leaving the root to the server-rendered pages, the
 * static assets and the MicroProfile endpoints ({@code /health}, {@code /metrics}, {@code /openapi}).
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Digits API", version = "1.0",
        description = "Handwritten-digit recognition: send a drawing, get the digit and its probabilities."))
public class RestApplication extends Application {
}
