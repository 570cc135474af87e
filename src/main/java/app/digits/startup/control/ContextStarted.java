package app.digits.startup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the start-up sequence back until the web application has finished starting, known by its own liveness
 * check answering over loopback. CDI's application-scope event, which launches the sequence, comes while the
 * servlet context is still starting, and the context closes the application's jar files once its filters and
 * servlets have started (Payara issues 693 and 5001): a class the sequence's thread loaded at that moment failed
 * with "zip file closed" inside the MongoDB driver's static initializer, which no retry can undo, and the server
 * stopped itself a second after deploying (a CI run of 2026-11-28; likely also the one of 2026-11-27 that looked
 * like two servers overlapping). When nothing listens on the configured port (Payara Micro started with
 * {@code --autoBindHttp} moved to another) it waits a few seconds instead, and it never waits more than a minute.
 */
@ApplicationScoped
public class ContextStarted {

    private static final Logger LOG = Logger.getLogger(ContextStarted.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration REFUSED_FOR = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final int REFUSED = -1;

    @Inject
    @ConfigProperty(name = "payara.instance.http.port")
    Optional<Integer> port;

    /** Returns once {@code <contextPath>/health/live} answers (UP or DOWN), or as described above. */
    public void await(String contextPath) throws InterruptedException {
        if (port.isEmpty()) {
            return;
        }
        var live = URI.create("http://127.0.0.1:" + port.get() + contextPath + "/health/live");
        long start = System.nanoTime();
        long refusedSince = 0;
        try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            while (System.nanoTime() - start < PATIENCE.toNanos()) {
                int status = status(client, live);
                long now = System.nanoTime();
                if (status == 200 || status == 503) {
                    LOG.info(() -> "The application answered after " + (now - start) / 1_000_000 + " ms: the start-up sequence begins");
                    return;
                }
                refusedSince = status != REFUSED ? 0 : refusedSince == 0 ? now : refusedSince;
                if (refusedSince != 0 && now - refusedSince >= REFUSED_FOR.toNanos()) {
                    LOG.info(() -> "Nothing listens on " + live + ": the start-up sequence begins after " + (now - start) / 1_000_000 + " ms");
                    return;
                }
                Thread.sleep(PAUSE);
            }
        }
        LOG.warning(() -> live + " did not answer within " + PATIENCE.toSeconds() + " s: the start-up sequence goes on");
    }

    private static int status(HttpClient client, URI live) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return REFUSED;
        } catch (IOException e) {
            return 0;
        }
    }
}
