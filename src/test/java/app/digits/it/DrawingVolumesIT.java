package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.bench.DrawingSeeds;
import app.digits.imaging.control.Sketches;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The volumes anyone can reach with anonymous posts: 100,000 drawings with their originals, seeded straight
 * into MongoDB, a fifth of them labelled. The dashboard, the review of labels (paged, accepted in bulk), a
 * stored prediction and the labels API keep answering, counts come from the server, and labels are limited
 * per address. The timings it prints are for reading, not asserted: the benchmark is in src/bench.
 */
class DrawingVolumesIT extends DeployedApplication {

    private static final int SEEDED = 100_000;
    private static MongoClient mongo;

    private static MongoCollection<Document> drawings() {
        return mongo.getDatabase("digits").getCollection("drawings");
    }

    @BeforeAll
    static void seedDrawings() {
        mongo = MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("digits.it.mongo-port"));
        DrawingSeeds.seed(mongo.getDatabase("digits"), SEEDED);
    }

    @AfterAll
    static void removeSeeds() {
        DrawingSeeds.remove(mongo.getDatabase("digits"));
        // The label allowance used here is not left to the next test class of the same database.
        mongo.getDatabase("digits").getCollection("attempts").deleteMany(Filters.regex("_id", "^labels-client:"));
        mongo.close();
    }

    private static MongoCollection<Document> labels() {
        return mongo.getDatabase("digits").getCollection("labels");
    }

    private HttpResponse<String> admin(String path) throws Exception {
        return Server.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", Server.ADMIN_CREDENTIALS));
    }

    private HttpResponse<String> timed(String path) throws Exception {
        long start = System.nanoTime();
        var response = admin(path);
        System.out.printf("GET %s with %,d drawings: %d in %.0f ms%n", path, drawings().estimatedDocumentCount(),
                response.statusCode(), (System.nanoTime() - start) / 1e6);
        return response;
    }

    @Test
    void theDashboardCountsEveryDrawingOnTheServer() throws Exception {
        var response = timed("admin?lang=en");
        assertEquals(200, response.statusCode(), response.body());
        long stored = drawings().countDocuments();
        assertTrue(stored >= SEEDED, "seeded " + stored);
        assertTrue(response.body().contains("Drawings stored: " + NumberFormat.getInstance(Locale.ENGLISH).format(stored)),
                "the dashboard shows the count of " + stored);
        assertTrue(response.body().contains(DrawingSeeds.MODEL), "the seeded model's score on labelled drawings is listed");
    }

    @Test
    void labelsToReviewArePagedAndAcceptedInBulk() throws Exception {
        var page = timed("admin/labels?review=pending&page=100&lang=en");
        assertEquals(200, page.statusCode(), page.body());
        var ids = new ArrayList<String>();
        var checkbox = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
        while (checkbox.find()) {
            ids.add(checkbox.group(1));
        }
        assertEquals(24, ids.size(), "one page of 24 labels");
        assertTrue(page.body().contains("Page 100 of " + NumberFormat.getInstance(Locale.ENGLISH).format((SEEDED / 5 + 23) / 24)),
                "the pager counts every pending label");
        assertTrue(Pattern.compile("href=\"[^\"]*/admin\\?review=pending&amp;page=99\"").matcher(page.body()).find(), "a link back to page 99");
        assertTrue(Pattern.compile("hx-get=\"[^\"]*/admin/labels\\?review=pending&amp;page=101\"").matcher(page.body()).find(),
                "HTMX fetches page 101's labels alone");

        var form = new StringBuilder("verdict=accepted&review=pending");
        for (var id : ids.subList(0, 3)) {
            form.append("&id=").append(URLEncoder.encode(id, StandardCharsets.UTF_8));
        }
        var accepted = Server.send(HttpRequest.newBuilder(base.resolve("admin/labels"))
                .header("Authorization", Server.ADMIN_CREDENTIALS)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        assertEquals(200, accepted.statusCode(), accepted.body());
        for (var id : ids.subList(0, 3)) {
            assertEquals("ACCEPTED", labels().find(Filters.eq("_id", id)).first().getString("review"));
        }
        assertEquals("PENDING", labels().find(Filters.eq("_id", ids.get(3))).first().getString("review"));
    }

    @Test
    void aStoredPredictionIsFoundAmongTheMany() throws Exception {
        var id = drawings().find(Filters.eq(DrawingSeeds.MARK, true)).skip(SEEDED / 2).first().getString("_id");
        var response = timed("api/predictions/" + id);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains(id));
        var original = Server.send(HttpRequest.newBuilder(base.resolve("api/predictions/" + id + "/original.png")));
        assertEquals(200, original.statusCode());
    }

    @Test
    void aDrawingReadLiveManyTimesIsStoredOnce() throws Exception {
        var browser = java.net.http.HttpClient.newBuilder().cookieHandler(new BrowserCookies()).build();
        var image = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(
                Sketches.encode(MnistSamples.asDrawing(MnistSamples.testImages(1).get(0)), "png"));
        long before = drawings().countDocuments();
        String drawingId = null;
        for (int reading = 0; reading < 4; reading++) {
            var form = "image=" + URLEncoder.encode(image, StandardCharsets.UTF_8)
                    + (drawingId == null ? "" : "&drawing=" + drawingId);
            var response = browser.send(HttpRequest.newBuilder(base.resolve("recognize"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            var id = Pattern.compile("data-drawing=\"([0-9a-f-]{36})\"").matcher(response.body());
            assertTrue(id.find(), "the result names the stored drawing");
            drawingId = id.group(1);
        }
        assertEquals(before + 1, drawings().countDocuments(), "four readings of one drawing, one document");

        var stranger = java.net.http.HttpClient.newBuilder().cookieHandler(new BrowserCookies()).build();
        var form = "image=" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "&drawing=" + drawingId;
        var response = stranger.send(HttpRequest.newBuilder(base.resolve("recognize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(before + 2, drawings().countDocuments(), "another session cannot replace that drawing");
    }

    @Test
    void labelsAreLimitedPerAddress() throws Exception {
        var id = drawings().find(Filters.and(Filters.eq(DrawingSeeds.MARK, true), Filters.eq("label", null))).first().getString("_id");
        int allowed = 0;
        HttpResponse<String> refused = null;
        // Counted in fixed windows of ten minutes: within 121 labels one is refused, even across a window's end.
        for (int i = 0; i < 121 && refused == null; i++) {
            var response = Server.send(HttpRequest.newBuilder(base.resolve("api/predictions/" + id + "/label"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"digit\": " + (i % 10) + "}")));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode(), response.body());
                allowed++;
            }
        }
        // Other tests of this server may already have labelled from this address in the same window.
        assertTrue(refused != null && allowed >= 1 && allowed <= 60, "at most 60 labels allowed, then refused; allowed " + allowed);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "a 429 says when to try again");
        var label = labels().find(Filters.eq("_id", id)).first();
        assertEquals("PENDING", label.getString("review"), "a label waits for the admin's review");
        assertEquals((allowed - 1) % 10, label.getInteger("label"), "the last label allowed is the one listed");
    }
}
