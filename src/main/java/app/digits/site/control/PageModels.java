package app.digits.site.control;

import app.digits.registry.control.ModelRegistry;
import app.digits.startup.control.StartupStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * What every page's layout shows, gathered once: which page is current (for the navigation and the
 * language links), the start-up progress, and the served model for the footer.
 */
@ApplicationScoped
public class PageModels {

    @Inject
    StartupStatus startup;

    @Inject
    ModelRegistry registry;

    public Map<String, Object> of(String page, String path) {
        var model = new HashMap<String, Object>();
        model.put("page", page);
        model.put("path", path);
        model.put("startup", startup.current());
        registry.served().ifPresent(served -> model.put("served", served.descriptor()));
        return model;
    }
}
