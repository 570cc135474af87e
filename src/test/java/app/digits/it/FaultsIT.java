package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults, on servers the test starts and kills itself ({@link LaunchedServer}): MongoDB unreachable at start
 * and after, with 503 problem+json and recovery without a restart; and SIGKILL in the middle of a training
 * run. MongoDB is a mongo-java-server this test runs on a port of its own (H2 file under
 * {@code target/faults}), so it can be stopped and started again; MNIST is a small slice of the real files,
 * so each start imports in a second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Path DIRECTORY = Path.of(System.getProperty("digits.it.dir"), "..", "faults").normalize();
    private static final String ADMIN = LaunchedServer.admin("faults-secret");

    private static int mongoPort;
    private static MongoServer mongo;

    @BeforeAll
    static void prepare() throws IOException {
        LaunchedServer.prepare(DIRECTORY);
        mongoPort = LaunchedServer.freePort();
    }

    @AfterAll
    static void stopMongo() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static void startMongo() {
        mongo = new MongoServer(new H2Backend(DIRECTORY.resolve("mongo.mv.db").toString()));
        mongo.bind(new InetSocketAddress("127.0.0.1", mongoPort));
    }

    private static void stopMongoNow() {
        mongo.shutdownNow();
        mongo = null;
    }

    private static LaunchedServer launch(String name) throws IOException {
        // The same data for every launch; the killed server's short lease expires before the next one starts.
        var properties = LaunchedServer.settings(DIRECTORY, DIRECTORY, "faults-secret", 1000);
        properties.put("mongodb.uri", "mongodb://127.0.0.1:" + mongoPort + "/digits");
        properties.put("digits.mongodb.timeout-ms", "1000");
        properties.put("digits.startup.attempts", "30");
        properties.put("digits.startup.first-retry-ms", "500");
        return LaunchedServer.start(DIRECTORY, name, properties);
    }

    private static HttpResponse<String> predict(URI base) throws Exception {
        return Server.post(base.resolve("api/predictions"), "application/json", Server.BAR_PIXELS.getBytes());
    }

    private static void assertRetryLater(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.headers().firstValue("Retry-After").orElse("").matches("\\d+"), response.headers().map().toString());
        assertTrue(response.body().contains("\"status\":503"), response.body());
        assertFalse(response.body().contains("Exception"), "no Java names in the detail: " + response.body());
    }

    @Test
    @Order(1)
    void withoutMongoTheServerSaysDownAndAnswers503ThenRecoversWithoutARestartWhenMongoComesBack() throws Exception {
        try (var server = launch("mongo-outage")) {
            var down = server.awaitDeployed();
            assertEquals(503, down.statusCode());
            assertEquals("DOWN", checkStatus(down, "mongodb"), down.body());
            assertRetryLater(predict(server.base()));

            startMongo();
            server.awaitReady();
            assertEquals(201, predict(server.base()).statusCode());

            stopMongoNow();
            var unavailable = predict(server.base());
            assertRetryLater(unavailable);
            assertTrue(unavailable.body().contains("database"), unavailable.body());
            assertEquals(503, Server.get(server.base().resolve("health/ready")).statusCode());

            startMongo();
            LaunchedServer.await("predictions to be stored again", Duration.ofSeconds(60), () -> {
                var again = predict(server.base());
                return again.statusCode() == 201 ? again : null;
            });
            assertEquals(200, Server.get(server.base().resolve("health/ready")).statusCode());
        }
    }

    @Test
    @Order(2)
    void aServerKilledDuringATrainingRunServesTheSameModelAfterwardsAndTheRunIsInterruptedAndRestartable() throws Exception {
        if (mongo == null) {
            startMongo();
        }
        String served;
        String runId;
        try (var server = launch("killed")) {
            server.awaitReady();
            served = Server.servedModelId(server.base());
            var started = admin(HttpRequest.newBuilder(server.base().resolve("api/admin/trainings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"algorithms\": [\"svm\", \"mlp\"], \"folds\": 5, \"cvImages\": 3000,"
                            + " \"trainingImages\": 3000, \"grids\": {\"svm\": \"C=1,10,100;gamma=0.01,0.02,0.05\"}}")));
            assertEquals(202, started.statusCode(), started.body());
            runId = (String) Server.json(started).get("runId");
            LaunchedServer.await("the training run to start", Duration.ofSeconds(60), () -> Boolean.TRUE.equals(
                    Server.json(admin(HttpRequest.newBuilder(server.base().resolve("api/admin/trainings/current")))).get("running")) ? true : null);
            server.kill();
        }
        try (var server = launch("after-kill")) {
            server.awaitReady();
            assertEquals(served, Server.servedModelId(server.base()), "the model served before the kill is served again");
            var run = Server.json(admin(HttpRequest.newBuilder(server.base().resolve("api/admin/trainings/" + runId))));
            assertEquals("INTERRUPTED", run.get("status"), run.toString());
            try (var files = Files.list(DIRECTORY.resolve("models"))) {
                for (var sidecar : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    assertTrue(Files.exists(Path.of(sidecar.toString().replace(".json", ".model"))), "a sidecar has its model: " + sidecar);
                }
            }
            var restarted = admin(HttpRequest.newBuilder(server.base().resolve("api/admin/trainings/" + runId + "/restart"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(202, restarted.statusCode(), restarted.body());
            admin(HttpRequest.newBuilder(server.base().resolve("api/admin/trainings/current/stop")).POST(HttpRequest.BodyPublishers.noBody()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object checkStatus(HttpResponse<String> health, String name) {
        var checks = (java.util.List<Map<String, Object>>) Server.json(health).get("checks");
        return checks.stream().filter(check -> name.equals(check.get("name"))).findFirst().orElseThrow().get("status");
    }

    private static HttpResponse<String> admin(HttpRequest.Builder request) throws Exception {
        return Server.send(request.header("Authorization", ADMIN));
    }
}
