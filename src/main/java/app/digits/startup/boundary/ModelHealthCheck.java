package app.digits.startup.boundary;

import app.digits.registry.control.ModelRegistry;
import app.digits.startup.control.StartupStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a model is served; until then it says what the start-up is doing. */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    @Inject
    ModelRegistry registry;

    @Inject
    StartupStatus startup;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("model");
        return registry.served()
                .map(model -> response.up()
                        .withData("id", model.descriptor().id())
                        .withData("algorithm", model.descriptor().algorithm())
                        .withData("testAccuracy", String.format(java.util.Locale.ROOT, "%.4f", model.descriptor().test().accuracy())))
                .orElseGet(() -> {
                    var summary = startup.current();
                    return response.down().withData("status", summary.phase().name().toLowerCase(java.util.Locale.ROOT))
                            .withData("detail", summary.detail());
                })
                .build();
    }
}
