package app.digits.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests share: the real WAR built by Maven, deployed at the root; the server's address
 * rewritten to loopback (the container reports the machine's external address); a wait for readiness, since
 * the app imports MNIST and trains its first model in the background; the admin credentials; and small HTTP
 * and JSON helpers.
 */
final class Server {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Jsonb JSON = JsonbBuilder.create();
    /** The admin credentials the integration tests configure (digits.admin.password in arquillian.xml). */
    static final String ADMIN_CREDENTIALS = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:it-secret".getBytes());
    /** A vertical bar, a "1", as the JSON pixels of a prediction request. */
    static final String BAR_PIXELS = "{\"pixels\": [" + java.util.stream.IntStream.range(0, 784)
            .mapToObj(i -> i % 28 >= 13 && i % 28 <= 15 && i / 28 >= 4 && i / 28 < 24 ? "255" : "0")
            .collect(java.util.stream.Collectors.joining(",")) + "]}";
    private static final int AUTO_BIND_TRIES = 5;
    /** How long a server that refuses every connection is given before it counts as exited. */
    private static final Duration GONE_AFTER = Duration.ofMinutes(1);

    private Server() {
    }

    static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("digits.war")))
                .as(WebArchive.class);
    }

    static URI loopback(URL url) {
        return URI.create("http://127.0.0.1:" + url.getPort() + "/");
    }

    /**
     * Waits until the application's readiness check is UP and returns its root. The container reports the
     * port it asked Payara Micro for, but Payara binds the next free one when that port is taken (seen when
     * the previous test class's server was still letting go of it), so the next few ports are tried too. A
     * server that refuses connections on all of them for a minute has exited (Payara reports its address only
     * once it listens): the wait ends there instead of at the deadline. Only one test server runs at a time.
     */
    static URI awaitReady(URI reported) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(8));
        var lastAnswered = Instant.now();
        var answers = new LinkedHashMap<Integer, String>();
        while (Instant.now().isBefore(deadline)) {
            for (int shift = 0; shift <= AUTO_BIND_TRIES; shift++) {
                var candidate = URI.create("http://127.0.0.1:" + (reported.getPort() + shift) + "/");
                try {
                    var response = HTTP.send(HttpRequest.newBuilder(candidate.resolve("health/ready"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"mongodb\"")) {
                        return candidate;
                    }
                    lastAnswered = Instant.now();
                    answers.put(candidate.getPort(), response.statusCode() + " " + response.body());
                } catch (ConnectException e) {
                    answers.putIfAbsent(candidate.getPort(), "connection refused");
                } catch (IOException e) {
                    lastAnswered = Instant.now();
                    answers.put(candidate.getPort(), e.toString());
                }
            }
            if (Duration.between(lastAnswered, Instant.now()).compareTo(GONE_AFTER) > 0) {
                throw new AssertionError("The server at " + reported + " has refused every connection for "
                        + GONE_AFTER.toSeconds() + " s: it has exited (see its log); answers by port: " + answers);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("The application at " + reported + " did not become ready in time; answers by port: " + answers);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A POST with the admin credentials, as curl sends it (no Origin, so no CSRF token is needed). */
    static HttpResponse<String> postAsAdmin(URI uri, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType).header("Authorization", ADMIN_CREDENTIALS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri));
    }

    @SuppressWarnings("unchecked")
    /** The id of the model the server answers with, from its readiness check. */
    static String servedModelId(URI base) throws IOException, InterruptedException {
        var health = get(base.resolve("health/ready")).body();
        var matcher = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(health);
        if (!matcher.find()) {
            throw new AssertionError("No served model in " + health);
        }
        return matcher.group(1);
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return JSON.fromJson(response.body(), Map.class);
    }
}
