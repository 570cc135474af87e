package app.digits.admin.control;

import app.digits.platform.control.WarmupDue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pays, before the server reports ready, what the first visitor after a restart would otherwise pay: it asks
 * this server over loopback for the home page and, with the admin's own credentials (sent for it alone), the
 * dashboard. The embedded MongoDB restarts with the application, so it reads the labels from disk and runs its
 * grouping code cold, and the first page loads the classes of JAX-RS, Jakarta MVC, Jakarta Security, Jakarta
 * Batch and Thymeleaf and has Weld generate proxies: with 100,000 drawings and 20,000 labels the first
 * {@code /admin} after a restart took 1.0 to 1.7 s, later ones 0.2 to 0.4 s. A failure here only leaves the
 * first visit slow, so it is logged, never fatal.
 */
@ApplicationScoped
public class FirstVisitWarmup {

    private static final Logger LOG = Logger.getLogger(FirstVisitWarmup.class.getName());
    private static final String[] PAGES = {"", "admin", "", "admin"};
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AdminIdentityStore admin;

    @Inject
    @ConfigProperty(name = "payara.instance.http.port")
    Optional<Integer> port;

    void warm(@Observes WarmupDue due) {
        if (port.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        var root = URI.create("http://127.0.0.1:" + port.get() + due.contextPath() + "/");
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PAGE_TIMEOUT).build()) {
            var statuses = new StringBuilder();
            for (var page : PAGES) {
                var request = HttpRequest.newBuilder(root.resolve(page)).timeout(PAGE_TIMEOUT).header("Accept", "text/html");
                if (page.startsWith("admin")) {
                    request.header("Authorization", admin.basicAuthorization());
                }
                statuses.append(' ').append(client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            LOG.info(() -> String.format("First visit paid in %d ms (answers%s)", (System.nanoTime() - start) / 1_000_000, statuses));
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Could not warm the first visit (" + e + "); it will be slower");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
