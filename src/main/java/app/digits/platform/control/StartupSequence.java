package app.digits.platform.control;

import app.digits.dataset.control.DatasetImports;
import app.digits.drawing.control.DrawingArchive;
import app.digits.registry.control.ModelRegistry;
import app.digits.training.control.DefaultModel;
import app.digits.training.control.DjlRuntime;
import app.digits.training.control.ModelTraining;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens once the application is deployed, in the background so the server answers at once: serve
 * the saved model if there is one, create the indexes the drawing queries use, import whatever part of MNIST is missing, then train the default model
 * if none was found. The page and the readiness check report each step.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    ModelRegistry registry;

    @Inject
    DatasetImports imports;

    @Inject
    DefaultModel defaultModel;

    @Inject
    DrawingArchive drawings;

    @Inject
    ModelTraining training;

    @Inject
    StartupStatus status;

    @Inject
    @ConfigProperty(name = "digits.djl.dir")
    Optional<String> djlDir;

    @Inject
    @ConfigProperty(name = "digits.data.dir", defaultValue = "data")
    String dataDir;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
        executor.submit(this::run);
    }

    private void run() {
        try {
            DjlRuntime.useDirectory(Path.of(djlDir.orElse(Path.of(dataDir, "djl").toString())));
            drawings.prepare();
            training.markInterrupted();
            registry.loadServed();
            if (imports.importMissing()) {
                defaultModel.ensureServed();
            } else if (registry.served().isEmpty()) {
                status.failed("the MNIST import failed, see the import status");
            }
        } catch (Exception e) {
            status.failed(String.valueOf(e.getMessage()));
            LOG.log(Level.SEVERE, "Start-up sequence failed", e);
        }
    }
}
