package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro instances that share one MongoDB behave as one application, as they would behind a load
 * balancer: instance A runs the embedded MongoDB on a fixed port, instance B joins it with {@code MONGODB_URI}
 * and serves A's model from GridFS; they share nothing else (each runs with {@code --nocluster}): the session
 * is in MongoDB too, under the app's own cookie, which a client keeping cookies with Java's CookieManager sends
 * back as it came. A drawing stored through one is read through the other, a captcha issued by one is answered through
 * the other, a second training run is refused while one runs anywhere and a stop asked anywhere reaches it,
 * a model served on one is served by the other within a few seconds (the time is printed), and failed admin
 * logins on one throttle the same user on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path DIRECTORY = Path.of(System.getProperty("digits.it.dir"), "..", "cluster").normalize();
    private static final String ADMIN = LaunchedServer.admin("cluster-secret");

    private static int mongoPort;
    private static LaunchedServer a;
    private static LaunchedServer b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        LaunchedServer.prepare(DIRECTORY);
        mongoPort = LaunchedServer.freePort();
        // No Payara cluster (--nocluster): the instances share nothing but MongoDB, sessions included.
        a = LaunchedServer.start(DIRECTORY, "a", properties("a", Map.of("digits.mongodb.embedded-port", String.valueOf(mongoPort))),
                List.of("--nocluster"), Map.of());
        a.awaitDeployed();
        // B starts while A imports MNIST and trains its first model: whichever takes the training lease trains.
        b = LaunchedServer.start(DIRECTORY, "b", properties("b", Map.of()), List.of("--nocluster"),
                Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort + "/"));
        a.awaitReady();
        b.awaitReady();
    }

    private static Map<String, String> properties(String name, Map<String, String> own) {
        var properties = LaunchedServer.settings(DIRECTORY, DIRECTORY.resolve(name), "cluster-secret", 3000);
        properties.putAll(own);
        // Long enough that the last test's block cannot end before it is seen through the other instance.
        properties.put("digits.admin.login.first-delay-seconds", "600");
        properties.put("digits.admin.login.max-delay-seconds", "600");
        return properties;
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    @Order(1)
    void theJoiningInstanceServesTheSameModelAndReadsWhatTheOtherStored() throws Exception {
        assertEquals(Server.servedModelId(a.base()), Server.servedModelId(b.base()), "one first model, in GridFS, served by both");
        var stored = Server.post(a.base().resolve("api/predictions"), "application/json", Server.BAR_PIXELS.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, stored.statusCode(), stored.body());
        var id = (String) Server.json(stored).get("id");

        var read = Server.get(b.base().resolve("api/predictions/" + id));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(Server.json(stored).get("digit"), Server.json(read).get("digit"));
    }

    @Test
    @Order(2)
    void aCaptchaIssuedByOneInstanceIsAnsweredThroughTheOther() throws Exception {
        var browser = new Browser();
        var issued = browser.send(json(a.base().resolve("api/captcha/challenges?kind=question"), null));
        assertEquals(201, issued.statusCode(), issued.body());
        var challenge = Server.json(issued);
        var token = (String) challenge.get("token");
        @SuppressWarnings("unchecked")
        long proof = CaptchaDrawings.solve((Map<String, Object>) challenge.get("pow"));

        var answered = browser.send(json(b.base().resolve("api/captcha/challenges/" + token + "/answer"),
                "{\"text\":\"" + expectedDigit(token) + "\",\"powNumber\":" + proof + "}"));
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(issued.headers().allValues("Set-Cookie").stream().noneMatch(cookie -> cookie.startsWith("JSESSIONIDVERSION")),
                "no session version cookie: " + issued.headers().allValues("Set-Cookie"));
        assertTrue(answered.body().startsWith("{"), "an answer, not an empty 200: " + answered.headers().map());
        var verdict = Server.json(answered);
        assertEquals(true, verdict.get("passed"), verdict.toString());

        var redeemed = browser.send(json(a.base().resolve("api/captcha/verifications"), "{\"pass\":\"" + verdict.get("pass") + "\"}"));
        assertEquals(true, Server.json(redeemed).get("valid"), redeemed.body());
        for (var instance : List.of(a, b, a)) {
            var demo = browser.send(HttpRequest.newBuilder(instance.base().resolve("demo")).build());
            assertEquals(200, demo.statusCode(), "the session is unlocked on " + instance.base() + ": " + demo.headers().map());
        }
    }

    /**
     * A client keeping cookies with Java's own {@link java.net.CookieManager} (RFC 2965), across both instances:
     * the session cookie is the app's plain one, which it sends back unchanged.
     */
    private static final class Browser {

        private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager(null,
                        java.net.CookiePolicy.ACCEPT_ALL)).build();

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    @Order(3)
    void oneTrainingRunGoesOnInTheWholeClusterAndEveryInstanceSeesAndStopsIt() throws Exception {
        var started = asAdmin(a.base().resolve("api/admin/trainings"),
                "{\"algorithms\":[\"mlp\"],\"gridSize\":\"none\",\"grids\":{\"mlp\":\"hiddenUnits=4096;epochs=100\"},"
                        + "\"folds\":2,\"cvImages\":500,\"trainingImages\":3000}");
        assertEquals(202, started.statusCode(), started.body());
        var runId = Server.json(started).get("runId");

        var refused = asAdmin(b.base().resolve("api/admin/trainings"), "{\"algorithms\":[\"decision-tree\"],\"gridSize\":\"none\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(refused.body().contains(String.valueOf(runId)), refused.body());

        var seen = Server.json(adminGet(b.base().resolve("api/admin/trainings/current")));
        assertEquals(runId, seen.get("runId"));
        assertEquals(true, seen.get("running"), seen.toString());

        assertEquals(202, asAdmin(b.base().resolve("api/admin/trainings/current/stop"), "").statusCode());
        var ended = await("A's run to stop", () -> {
            var current = Server.json(adminGet(b.base().resolve("api/admin/trainings/current")));
            return Boolean.FALSE.equals(current.get("running")) ? current : null;
        });
        assertEquals("stopped", ended.get("outcome"), ended.toString());
    }

    @Test
    @Order(4)
    void aModelServedThroughOneInstanceIsServedByTheOtherWithinSeconds() throws Exception {
        var started = asAdmin(b.base().resolve("api/admin/trainings"),
                "{\"algorithms\":[\"decision-tree\"],\"gridSize\":\"none\",\"folds\":2,\"cvImages\":500,\"trainingImages\":3000}");
        assertEquals(202, started.statusCode(), "the lease was given back: " + started.body());
        var runId = Server.json(started).get("runId");
        await("B's run to end on A's dashboard", () -> {
            var current = Server.json(adminGet(a.base().resolve("api/admin/trainings/current")));
            return runId.equals(current.get("runId")) && Boolean.FALSE.equals(current.get("running")) ? current : null;
        });

        var served = Server.servedModelId(a.base());
        @SuppressWarnings("unchecked")
        var models = (List<Map<String, Object>>) (List<?>) Server.JSON.fromJson(adminGet(a.base().resolve("api/admin/models")).body(), List.class);
        var other = models.stream().map(model -> (String) model.get("id")).filter(id -> !id.equals(served)).findFirst()
                .orElseThrow(() -> new AssertionError("B's model is listed on A: " + models));

        var swap = Server.send(HttpRequest.newBuilder(a.base().resolve("admin/serve")).header("Authorization", ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("id=" + other)));
        assertEquals(303, swap.statusCode(), swap.body());
        var swapped = Instant.now();
        assertEquals(other, Server.servedModelId(a.base()));
        await("B to serve " + other, () -> other.equals(Server.servedModelId(b.base())) ? other : null);
        System.out.println("ClusterIT: B served the hot-swapped model " + Duration.between(swapped, Instant.now()).toMillis()
                + " ms after A's answer; B's log: " + Files.readAllLines(b.log()).stream()
                .filter(line -> line.contains("Now serving model " + other)).findFirst().orElse("(no line)"));
        assertNotEquals(served, Server.servedModelId(b.base()));
    }

    @Test
    @Order(5)
    void failedLoginsOnOneInstanceThrottleTheSameUserOnTheOther() throws Exception {
        var wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes());
        for (int i = 0; i < 6; i++) {
            var guess = Server.send(HttpRequest.newBuilder(a.base().resolve("api/admin/trainings/current")).header("Authorization", wrong));
            assertEquals(401, guess.statusCode(), "failure " + (i + 1) + " on A is answered, not yet throttled");
        }
        var blocked = Server.send(HttpRequest.newBuilder(b.base().resolve("api/admin/trainings/current")).header("Authorization", ADMIN));
        assertEquals(429, blocked.statusCode(), "B refuses even the right password while A's failures block the user: " + blocked.body());
        assertEquals("application/problem+json", blocked.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 1 && retryAfter <= 600, "the first delay, as configured: " + retryAfter);
    }

    private static int expectedDigit(String token) {
        try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            return mongo.getDatabase("digits").getCollection("captcha_challenges").find(new Document("_id", token)).first().getInteger("digit");
        }
    }

    private static HttpRequest json(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> asAdmin(URI uri, String body) throws Exception {
        return Server.send(HttpRequest.newBuilder(uri).header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> adminGet(URI uri) throws Exception {
        return Server.send(HttpRequest.newBuilder(uri).header("Authorization", ADMIN));
    }

    private static <T> T await(String what, Callable<T> check) throws Exception {
        return LaunchedServer.await(what, Duration.ofMinutes(2), check);
    }
}
