package app.digits.startup.control;

import app.digits.dataset.control.DatasetImports;
import app.digits.platform.control.Backoff;
import app.digits.platform.control.DatabaseConnected;
import app.digits.platform.control.MongoConnection;
import app.digits.platform.control.WarmupDue;
import app.digits.registry.control.ModelRegistry;
import app.digits.training.control.DefaultModel;
import app.digits.training.control.DjlRuntime;
import app.digits.training.control.ModelTraining;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens once the application is deployed, in the background so the server answers at once: once the
 * web application has finished starting ({@link ContextStarted}), connect to MongoDB (starting the embedded
 * server), create the indexes (a {@link DatabaseConnected} event), let features pay what their first visit would
 * (a {@link WarmupDue} event), serve the saved model if there is one (the server is ready from then on), import
 * whatever part of MNIST is missing (with PyTorch's natives loaded beside it when there is no model yet: 3 s of a
 * first start), then train the default model if none was found (which starts a better one in the background).
 * The page and the readiness check report each step. Every step is retried with a growing pause; a step that
 * still fails stops the process with a non-zero status ({@code digits.startup.exit-on-failure}), so a supervisor
 * restarts it instead of a server staying up half-alive; so does an {@link Error}, which the executor would
 * otherwise keep silently in a future nobody reads. The steps run with the application's own class loader as the
 * context loader, never one Payara used while deploying.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());
    private static final Duration HALT_AFTER = Duration.ofSeconds(60);

    @Inject
    MongoConnection connection;

    @Inject
    ModelRegistry registry;

    @Inject
    DatasetImports imports;

    @Inject
    DefaultModel defaultModel;

    @Inject
    Event<DatabaseConnected> databaseConnected;

    @Inject
    Event<WarmupDue> warmupDue;

    @Inject
    ModelTraining training;

    @Inject
    StartupStatus status;

    @Inject
    ContextStarted contextStarted;

    @Inject
    @ConfigProperty(name = "digits.djl.dir")
    Optional<String> djlDir;

    @Inject
    @ConfigProperty(name = "digits.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "digits.startup.attempts", defaultValue = "5")
    int attempts;

    @Inject
    @ConfigProperty(name = "digits.startup.first-retry-ms", defaultValue = "1000")
    long firstRetryMillis;

    @Inject
    @ConfigProperty(name = "digits.startup.exit-on-failure", defaultValue = "true")
    boolean exitOnFailure;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
        var contextPath = context instanceof ServletContext servletContext ? servletContext.getContextPath() : "";
        executor.submit(() -> run(contextPath));
    }

    /** The steps; on the executor's thread (package-private so a unit test runs them directly). */
    void run(String contextPath) {
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        thread.setContextClassLoader(StartupSequence.class.getClassLoader());
        var retries = new Backoff(attempts, Duration.ofMillis(firstRetryMillis), Duration.ofSeconds(30), Thread::sleep);
        try {
            contextStarted.await(contextPath);
            retries.run("connect to MongoDB", () -> {
                connection.open();
                return null;
            });
            DjlRuntime.useDirectory(Path.of(djlDir.orElse(Path.of(dataDir, "djl").toString())));
            retries.run("create the indexes", () -> {
                databaseConnected.fire(new DatabaseConnected());
                return null;
            });
            retries.run("mark interrupted training runs", () -> {
                training.markInterrupted();
                return null;
            });
            warmupDue.fire(new WarmupDue(contextPath));
            retries.run("load the served model", registry::loadServed);
            if (registry.served().isEmpty()) {
                executor.submit(StartupSequence::loadPyTorch);
            }
            boolean imported = retries.run("import MNIST", () -> {
                if (imports.importMissing()) {
                    return true;
                }
                if (registry.served().isEmpty()) {
                    throw new IllegalStateException("the MNIST import failed, see the import status");
                }
                return false;
            });
            if (imported) {
                retries.run("serve the default model", () -> {
                    defaultModel.ensureServed();
                    return null;
                });
            }
        } catch (Exception | Error e) {
            // an Error too (a class that cannot load, memory): in the executor's Future nobody would see it
            status.failed(String.valueOf(e.getMessage()));
            LOG.log(Level.SEVERE, "Start-up sequence failed after " + attempts + " attempts", e);
            if (exitOnFailure) {
                exit();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** PyTorch's natives, loaded beside the import on a first start; a failure shows again when training needs them. */
    private static void loadPyTorch() {
        try {
            DjlRuntime.prepare();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "PyTorch could not be loaded ahead of the first training", e);
        }
    }

    /**
     * Exits from a thread of its own (the server's shutdown waits for managed threads like this one), and
     * halts if the orderly shutdown has not ended the process in time.
     */
    private static void exit() {
        LOG.severe("Stopping the server with status 1 so that a supervisor can start it again");
        var halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "digits-startup-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(1), "digits-startup-exit").start();
    }
}
