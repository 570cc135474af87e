package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.imaging.control.Sketches;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin side on Payara Micro: credentials and CSRF protection, people's labels on drawings and their
 * effect on the dashboard, and a training run that includes labelled drawings. Corrections of whole numbers:
 * {@code PUT /api/predictions/{id}/number-label} (stored, listed for review, refused with problem details for bad
 * bodies, unknown ids and single digits, limited per address together with the digit labels), the number page's
 * correction form, and the admin's review of number corrections next to the digit ones.
 */
class AdminIT extends DeployedApplication {

    private static MongoClient mongo;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("digits.it.mongo-port"));
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    /** Each test starts with the address's whole allowance for labels, and leaves none used to the next test class. */
    @AfterEach
    void forgetAllowance() {
        mongo.getDatabase("digits").getCollection("attempts").deleteMany(Filters.regex("_id", "^labels-client:"));
    }

    private static MongoCollection<Document> labels() {
        return mongo.getDatabase("digits").getCollection("labels");
    }

    /** Three MNIST test digits side by side, read as a number through the API; answers the stored drawing. */
    private Map<String, Object> predictNumber() throws Exception {
        var samples = MnistSamples.testImages(3);
        var wide = MnistSamples.asNumber(samples);
        var response = Server.post(base.resolve("api/predictions?as=number"), "image/png", Sketches.encode(wide, "png"));
        assertEquals(201, response.statusCode(), response.body());
        return Server.json(response);
    }

    private HttpResponse<String> correct(String id, String json) throws Exception {
        return Server.send(HttpRequest.newBuilder(base.resolve("api/predictions/" + id + "/number-label"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> admin(String path, String form) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", Server.ADMIN_CREDENTIALS)
                .header("Accept-Language", "en");
        return Server.send(form == null ? request : request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(!response.body().contains("java.") && !response.body().contains("Exception"), response.body());
    }

    @Test
    void aNumberCorrectionIsStoredAndWaitsForTheAdminsReview() throws Exception {
        var drawing = predictNumber();
        var id = (String) drawing.get("id");
        var read = (String) drawing.get("number");

        var corrected = correct(id, "{\"number\": \"1984\"}");

        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals("1984", Server.json(corrected).get("numberLabel"));
        assertEquals("1984", Server.json(Server.get(base.resolve("api/predictions/" + id))).get("numberLabel"));
        var label = labels().find(Filters.eq("_id", id)).first();
        assertEquals("PENDING", label.getString("review"));
        assertEquals(read, label.getString("number"));
        assertEquals("1984", label.getString("numberLabel"));
        var pending = admin("admin/labels?review=pending", null);
        assertTrue(pending.body().contains("number read " + read + ", labelled 1984"), "listed as a number among the labels");
        assertTrue(pending.body().contains("cut into " + read.length() + " pieces: will not train"),
                "the review says a number cut into fewer pieces than its digits cannot train");
    }

    @Test
    void badBodiesUnknownIdsAndSingleDigitsAreRefusedWithProblemDetails() throws Exception {
        var id = (String) predictNumber().get("id");
        for (var body : new String[] {"{\"number\": \"12a\"}", "{\"number\": \"\"}", "{\"number\": \"12345678901\"}",
                "{\"number\": 12}", "{\"number\": \"-1\"}", "{}", "{\"number\": \"12\", \"digit\": 1}"}) {
            assertProblem(400, correct(id, body));
        }
        assertEquals(null, labels().find(Filters.eq("_id", id)).first(), "nothing listed for review");
        assertProblem(404, correct("no-such-drawing", "{\"number\": \"12\"}"));

        assertProblem(409, correct(MnistSamples.predictFirst(base), "{\"number\": \"7\"}"));
    }

    @Test
    void numberCorrectionsShareTheAddressAllowanceOfDigitLabels() throws Exception {
        var id = (String) predictNumber().get("id");
        int allowed = 0;
        HttpResponse<String> refused = null;
        // Counted in fixed windows of ten minutes: within 121 corrections one is refused, even across a window's end.
        for (int i = 0; i < 121 && refused == null; i++) {
            var response = correct(id, "{\"number\": \"" + (100 + i) + "\"}");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode(), response.body());
                allowed++;
            }
        }
        assertTrue(refused != null && allowed >= 1 && allowed <= 60, "at most 60 corrections allowed, then refused; allowed " + allowed);
        assertProblem(429, refused);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "a 429 says when to try again");
        assertEquals(String.valueOf(100 + allowed - 1), labels().find(Filters.eq("_id", id)).first().getString("numberLabel"),
                "the last correction allowed is the one listed");
        var digitLabel = Server.send(HttpRequest.newBuilder(base.resolve("api/predictions/" + id + "/label"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"digit\": 1}")));
        assertEquals(429, digitLabel.statusCode(), "digit labels draw on the same allowance");
    }

    @Test
    void theNumberPageFormCorrectsAndTheAdminAcceptsNumberAndDigitLabelsTogether() throws Exception {
        var id = (String) predictNumber().get("id");
        var page = Server.send(HttpRequest.newBuilder(base.resolve("number/label?id=" + id + "&lang=en"))
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("number=4321")));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("recorded as the number 4321"), page.body());
        var refused = Server.send(HttpRequest.newBuilder(base.resolve("number/label?id=" + id + "&lang=en"))
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("number=43x1")));
        assertEquals(400, refused.statusCode());
        assertEquals(400, Server.send(HttpRequest.newBuilder(base.resolve("number/label"))
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("number=12"))).statusCode(), "no drawing named");
        assertTrue(refused.body().contains("class=\"error\""), "the page gets its sentence, not a stack trace: " + refused.body());

        var digit = MnistSamples.predictFirst(base);
        assertEquals(200, Server.send(HttpRequest.newBuilder(base.resolve("api/predictions/" + digit + "/label"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"digit\": 3}"))).statusCode());

        var accepted = admin("admin/labels", "verdict=accepted&review=pending&id=" + id + "&id=" + digit);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("ACCEPTED", labels().find(Filters.eq("_id", id)).first().getString("review"));
        assertEquals("ACCEPTED", labels().find(Filters.eq("_id", digit)).first().getString("review"));
        var acceptedPage = admin("admin/labels?review=accepted", null).body();
        assertTrue(acceptedPage.contains("number read ") && acceptedPage.contains(", labelled 4321"),
                "the accepted number correction is listed as a number: " + acceptedPage);
        assertTrue(acceptedPage.contains("read 7, labelled 3"), "and the digit label as a digit");
    }
    private final HttpClient browserLike = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new BrowserCookies()).connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> admin(HttpRequest.Builder request) throws Exception {
        return browserLike.send(request.header("Authorization", Server.ADMIN_CREDENTIALS).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> label(String id, String json) throws Exception {
        return Server.send(HttpRequest.newBuilder(base.resolve("api/predictions/" + id + "/label"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void theAdminAreaNeedsTheCredentials() throws Exception {
        var anonymous = Server.get(base.resolve("admin"));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertTrue(anonymous.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), "a page address answers with the page");
        assertTrue(anonymous.body().contains("401"), anonymous.body());
        var program = Server.get(base.resolve("api/admin/trainings/current"));
        assertEquals(401, program.statusCode());
        assertTrue(program.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertTrue(program.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        var wrong = Server.send(HttpRequest.newBuilder(base.resolve("api/admin/trainings/current"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes())));
        assertEquals(401, wrong.statusCode());
        assertEquals(200, admin(HttpRequest.newBuilder(base.resolve("admin"))).statusCode());
    }

    @Test
    void theLabelsReviewOpenedDirectlyIsTheWholeDashboardAndHtmxGetsTheFragment() throws Exception {
        var page = admin(HttpRequest.newBuilder(base.resolve("admin/labels?review=accepted")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>") && page.body().contains("class=\"masthead\"") && page.body().contains("id=\"labels\""),
                "the layout, its title and navigation around the review: " + page.body());
        assertTrue(page.body().contains("aria-current=\"page\"") && page.body().contains("review=accepted"), "on the asked tab");

        var fragment = admin(HttpRequest.newBuilder(base.resolve("admin/labels?review=accepted")).header("HX-Request", "true"));
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().strip().startsWith("<form") && fragment.body().contains("class=\"review\""), fragment.body());
        assertFalse(fragment.body().contains("<title>") || fragment.body().contains("masthead"), "only what HTMX swaps in");
    }

    @Test
    void theModelComparisonIsPagedAndAPageOutOfBoundsIsRefusedOrShowsTheLast() throws Exception {
        var past = admin(HttpRequest.newBuilder(base.resolve("admin/models?sort=accuracy&dir=desc&modelPage=999")).header("HX-Request", "true"));
        assertEquals(200, past.statusCode());
        assertTrue(past.body().strip().startsWith("<div id=\"comparison\""), "the comparison's fragment, robustness included: " + past.body());

        for (var page : List.of("0", "-2", "two")) {
            var refused = admin(HttpRequest.newBuilder(base.resolve("admin?modelPage=" + page)));
            assertEquals(400, refused.statusCode(), page);
            assertTrue(refused.body().contains("modelPage") && !refused.body().contains("Exception"), refused.body());
        }
    }

    @Test
    void repeatedWrongPasswordsAreThrottledUntilRetryAfterAndTheAdminPagesAreNotCached() throws Exception {
        var ok = admin(HttpRequest.newBuilder(base.resolve("admin")));
        assertEquals(200, ok.statusCode(), "a success starts the count afresh");
        assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElseThrow());
        var guess = HttpRequest.newBuilder(base.resolve("api/admin/trainings/current"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intruder:guess".getBytes()));
        for (int i = 0; i < 6; i++) {
            assertEquals(401, Server.send(guess).statusCode(), "failure " + (i + 1) + " is answered, not yet throttled");
        }
        var blocked = admin(HttpRequest.newBuilder(base.resolve("admin")).header("Accept", "application/json"));
        assertEquals(429, blocked.statusCode(), "while the address is blocked even the right password waits");
        assertTrue(blocked.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "the first delay is 2 s: " + retryAfter);
        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(200, admin(HttpRequest.newBuilder(base.resolve("admin"))).statusCode(), "after Retry-After the admin gets in");
        assertEquals(401, Server.send(guess).statusCode(), "the success cleared the address");
    }

    @Test
    void aBrowserRequestThatChangesStateNeedsTheCsrfToken() throws Exception {
        var served = Server.servedModelId(base);
        admin(HttpRequest.newBuilder(base.resolve("admin")));
        for (var body : new String[] {"id=" + served, "csrf=guessed&id=" + served}) {
            var forged = admin(HttpRequest.newBuilder(base.resolve("admin/serve")).header("Origin", "http://elsewhere.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(403, forged.statusCode(), body);
            assertTrue(forged.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), "a page's refusal is the error page");
        }
        var training = admin(HttpRequest.newBuilder(base.resolve("api/admin/trainings")).header("Referer", "http://elsewhere.example/")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, training.statusCode());
        assertTrue(training.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(served, Server.servedModelId(base));
    }

    @Test
    void peoplesLabelsAreStoredAndShowOnTheDashboard() throws Exception {
        var id = MnistSamples.predictFirst(base);
        var labelled = label(id, "{\"digit\": 3}");
        assertEquals(200, labelled.statusCode(), labelled.body());
        assertEquals(3, ((Number) Server.json(labelled).get("label")).intValue());

        var dashboard = admin(HttpRequest.newBuilder(base.resolve("admin"))).body();
        assertTrue(dashboard.contains("read 7, labelled 3"), "the new label waits for review on the dashboard");

        assertEquals(400, label(id, "{\"digit\": 12}").statusCode());
        assertEquals(400, label(id, "{}").statusCode());
        assertEquals(404, label("no-such-drawing", "{\"digit\": 1}").statusCode());
        var blank = Server.json(Server.post(base.resolve("api/predictions"), "application/json",
                ("{\"pixels\":" + Arrays.toString(new int[784]) + "}").getBytes()));
        assertEquals(409, label((String) blank.get("id"), "{\"digit\": 1}").statusCode());
    }

    @Test
    void aTrainingRunCanIncludeLabelledDrawingsTheAdminAccepted() throws Exception {
        var labelled = MnistSamples.predictFirst(base);
        label(labelled, "{\"digit\": 7}");
        var number = (String) predictNumber().get("id");
        assertEquals(200, correct(number, "{\"number\": \"1984\"}").statusCode(), "four digits for a drawing of three");
        var accepted = admin(HttpRequest.newBuilder(base.resolve("admin/labels"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("verdict=accepted&id=" + labelled + "&id=" + number)));
        assertEquals(200, accepted.statusCode(), accepted.body());
        var started = admin(HttpRequest.newBuilder(base.resolve("api/admin/trainings")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"algorithms\": [\"mlp\"], \"gridSize\": \"none\", \"cvImages\": 200,"
                        + " \"trainingImages\": 1000, \"grids\": {\"mlp\": \"epochs=1\"}, \"includeDrawings\": true}")));
        assertEquals(202, started.statusCode(), started.body());
        var runId = (String) Server.json(started).get("runId");
        awaitTrainingEnd();
        var run = Server.json(admin(HttpRequest.newBuilder(base.resolve("api/admin/trainings/" + runId))));
        assertEquals("COMPLETED", run.get("status"), run.toString());
        var modelId = ((java.util.List<?>) run.get("modelIds")).get(0);
        var details = admin(HttpRequest.newBuilder(base.resolve("admin/model?id=" + modelId)));
        assertEquals(200, details.statusCode());
        assertTrue(Pattern.compile("<dd class=\"drawings\">[1-9]").matcher(details.body()).find(), "the labelled drawings joined the fit");
        assertTrue(Pattern.compile("<dd class=\"skipped-numbers\">[1-9]\\d* \\(the segmentation cuts").matcher(details.body()).find(),
                "the model says which accepted number corrections could not join the fit");
    }

    private Map<String, Object> awaitTrainingEnd() throws Exception {
        var deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            var step = Server.json(admin(HttpRequest.newBuilder(base.resolve("api/admin/trainings/current"))));
            if (!Boolean.TRUE.equals(step.get("running"))) {
                return step;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the training run did not end in time");
    }
}
