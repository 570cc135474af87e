package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The training job on Payara Micro: the whole job (all nine algorithms, grid search with cross-validation)
 * on a small subset, with the run and its models stored in MongoDB, the comparison table, a model's grid
 * search and mistakes, and the hot swap; a failing model that fails its run, which restarts without
 * retraining what it already trained; promotion of a better model; the learning curves of the networks and
 * the line-by-line comparison of two models; and a run started from the dashboard in Chromium, followed live to
 * its end, then two models compared from the dashboard.
 */
class TrainingIT extends BrowserTest {

    /** What the default job leaves out: Smile's forest (XGBoost replaces it) and the CNN ensemble (the first start's slow follow-up). */
    private static final List<String> NOT_IN_DEFAULT_JOB = List.of("random-forest", "cnn-ensemble");

    private static final String SMALL_GRIDS = """
            {"cnn": "epochs=3;batchSize=32;learningRate=0.005;filters1=8;filters2=16;hiddenUnits=32", "mlp": "epochs=2;hiddenUnits=32,64",
             "svm": "C=10;gamma=0.0125,0.025", "knn": "k=1,3", "random-forest": "trees=10,20", "boosted-trees": "rounds=10,20",
             "weka-random-forest": "trees=10,20", "logistic-regression": "lambda=0.1,1",
             "weka-j48": "confidenceFactor=0.1,0.25", "decision-tree": "maxDepth=10,20"}""";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new BrowserCookies()).connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> admin(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Authorization", Server.ADMIN_CREDENTIALS).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> adminPost(String path, String json) throws Exception {
        return admin(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private void serve(String id) throws Exception {
        var served = admin(HttpRequest.newBuilder(base.resolve("admin/serve")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + id, StandardCharsets.UTF_8)));
        assertEquals(303, served.statusCode(), served.body());
    }

    /** Starts a run once no other is going, and waits for its end; returns the stored run. */
    private Map<String, Object> runToEnd(String order) throws Exception {
        awaitNoRun();
        var started = adminPost("api/admin/trainings", order);
        assertEquals(202, started.statusCode(), started.body());
        var runId = (String) Server.json(started).get("runId");
        awaitNoRun();
        return run(runId);
    }

    private Map<String, Object> run(String runId) throws Exception {
        var run = admin(HttpRequest.newBuilder(base.resolve("api/admin/trainings/" + runId)));
        assertEquals(200, run.statusCode(), run.body());
        return Server.json(run);
    }

    private void awaitNoRun() throws Exception {
        var deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            var current = Server.json(admin(HttpRequest.newBuilder(base.resolve("api/admin/trainings/current"))));
            if (!Boolean.TRUE.equals(current.get("running"))) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the training run did not end in time");
    }

    @Test
    void theDefaultJobTrainsItsAlgorithmsStoresItsRunAndModelsAndAnyModelCanBeServed() throws Exception {
        var before = Server.servedModelId(base);
        var run = runToEnd("{\"cvImages\": 600, \"trainingImages\": 1500, \"folds\": 3, \"grids\": " + SMALL_GRIDS + "}");
        assertEquals("COMPLETED", run.get("status"), run.toString());
        var modelIds = (List<?>) run.get("modelIds");
        assertEquals(9, modelIds.size(), run.toString());
        assertEquals(List.of("cnn", "svm", "mlp", "knn", "boosted-trees", "weka-random-forest", "logistic-regression", "weka-j48",
                "decision-tree"), run.get("trainedAlgorithms"), "the default job: XGBoost's boosted trees, not Smile's forest");
        assertEquals(before, Server.servedModelId(base), "models fitted on 1,500 images do not beat the served one");

        var answer = admin(HttpRequest.newBuilder(base.resolve("api/admin/models?sort=latency&dir=asc")));
        var table = Server.JSON.fromJson(answer.body(), List.class);
        assertEquals(String.valueOf(table.size()), answer.headers().firstValue("X-Total-Count").orElse(""), "one page holds them all");
        var firstTwo = Server.JSON.fromJson(admin(HttpRequest.newBuilder(base.resolve("api/admin/models?sort=latency&dir=asc&size=2"))).body(), List.class);
        assertEquals(table.subList(0, 2), firstTwo, "a page of two: the first two of the same order");
        assertEquals(400, admin(HttpRequest.newBuilder(base.resolve("api/admin/models?page=0"))).statusCode());
        assertEquals(400, admin(HttpRequest.newBuilder(base.resolve("api/admin/models?size=201"))).statusCode());
        var rows = ((List<Map<String, Object>>) table).stream().filter(row -> modelIds.contains(row.get("id"))).toList();
        assertEquals(9, rows.size());
        for (var row : rows) {
            assertTrue(((Number) row.get("testAccuracy")).doubleValue() > 0.6, row.toString());
            assertNotNull(row.get("pValueAgainstBest"), "McNemar against the best model: " + row);
        }
        var latencies = rows.stream().map(row -> ((Number) row.get("medianLatencyMicros")).doubleValue()).toList();
        assertEquals(latencies.stream().sorted().toList(), latencies, "sorted by latency, ascending");
        assertTrue(rows.stream().anyMatch(row -> "DJL".equals(row.get("library"))) && rows.stream().anyMatch(row -> "Weka".equals(row.get("library")))
                && rows.stream().anyMatch(row -> "XGBoost".equals(row.get("library"))));

        try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("digits.it.mongo-port", "27917"))) {
            var database = mongo.getDatabase("digits");
            assertEquals(9, database.getCollection("models").countDocuments(Filters.eq("runId", run.get("id"))));
            var stored = database.getCollection("training_runs").find(Filters.eq("_id", run.get("id"))).first();
            assertNotNull(stored);
            assertEquals("COMPLETED", stored.getString("status"));
        }

        var plan = (Map<String, Object>) run.get("plan");
        assertEquals(3, ((Number) plan.get("folds")).intValue(), "the run keeps its plan as one object: " + plan);
        assertEquals(9, ((List<?>) plan.get("steps")).size());

        var cnn = (String) modelIds.get(0);
        var cnnPage = admin(HttpRequest.newBuilder(base.resolve("admin/model?id=" + cnn))).body();
        assertTrue(cnnPage.contains("id=\"curves\"") && cnnPage.contains("Training loss and validation accuracy per epoch"),
                "the CNN's learning curves, in English");
        assertEquals(6, Pattern.compile("<circle [^>]*><title>Training loss \\d").matcher(cnnPage).results().count(),
                "one loss point per epoch, in the wide chart and the phone's");
        var mlp = (String) modelIds.get(2);
        var mlpPage = client.send(HttpRequest.newBuilder(base.resolve("admin/model?id=" + mlp)).header("Authorization", Server.ADMIN_CREDENTIALS)
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(4, Pattern.compile("<circle [^>]*><title>Perte d’entraînement \\d+: \\d+,\\d{4}</title>").matcher(mlpPage).results().count(),
                "the MLP's two epochs in both charts, in French words and decimals");
        var svm = (String) modelIds.get(1);
        assertTrue(!admin(HttpRequest.newBuilder(base.resolve("admin/model?id=" + svm))).body().contains("id=\"curves\""),
                "an SVM has no epochs");

        var diff = admin(HttpRequest.newBuilder(base.resolve("admin/model/diff?a=" + mlp + "&b=" + cnn))).body();
        var hidden = Pattern.compile("<th scope=\"row\">hiddenUnits</th>\\s*<td class=\"number-cell\">(32|64)</td>"
                + "\\s*<td class=\"number-cell\">32</td>").matcher(diff);
        assertTrue(hidden.find(), "each model's hidden units side by side: " + diff);
        assertTrue(diff.contains("<tr class=\"differs\">"), "differences are marked");
        assertTrue(Pattern.compile("<th scope=\"row\">filters1</th>\\s*<td class=\"number-cell\">—</td>").matcher(diff).find(),
                "a setting only the CNN has");
        assertEquals(404, admin(HttpRequest.newBuilder(base.resolve("admin/model/diff?a=" + mlp + "&b=nope"))).statusCode());
        var dashboard = client.send(HttpRequest.newBuilder(base.resolve("admin")).header("Authorization", Server.ADMIN_CREDENTIALS)
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(dashboard.contains(">Perceptron multicouche — " + mlp + "</option>"),
                "the models offered for comparison are named in the page's language");

        var page = admin(HttpRequest.newBuilder(base.resolve("admin/model?id=" + svm))).body();
        assertTrue(page.contains("<svg") && page.contains("gamma"), "the grid search plot");
        assertEquals(2, Pattern.compile("<td class=\"number-cell\">0\\.0(125|25)</td>").matcher(page).results().count(), "two grid rows");
        assertTrue(page.contains("class=\"mnist\""), "the gallery of mistakes");
        var threes = admin(HttpRequest.newBuilder(base.resolve("admin/model/mistakes?id=" + svm + "&digit=3"))).body();
        var labels = Pattern.compile("true (\\d), read (\\d)</span>").matcher(threes).results().toList();
        assertTrue(!labels.isEmpty() && labels.stream().allMatch(m -> m.group(1).equals("3") && !m.group(2).equals("3")), threes);

        serve(svm);
        var prediction = Server.json(Server.post(base.resolve("api/predictions"), "application/json",
                ("{\"pixels\":" + Arrays.toString(IntStream.range(0, 784).map(i -> i % 200).toArray()) + "}").getBytes()));
        assertEquals(svm, prediction.get("modelId"), "predictions use the model served a moment ago");
        serve(before);
        assertEquals(before, Server.servedModelId(base));
    }

    @Test
    void aFailingModelFailsItsRunWhichRestartsWithoutRetrainingAndABetterModelIsPromoted() throws Exception {
        var before = Server.servedModelId(base);
        var failed = runToEnd("{\"algorithms\": [\"decision-tree\", \"knn\"], \"gridSize\": \"none\", \"cvImages\": 300,"
                + " \"trainingImages\": 500, \"grids\": {\"knn\": \"pca=600\"}}");
        assertEquals("FAILED", failed.get("status"));
        assertTrue(failed.get("reason").toString().startsWith("knn: TrainingException: PCA of 600 dimensions needs at least as many images, got 500"), failed.toString());
        assertEquals(1, ((List<?>) failed.get("modelIds")).size());
        assertEquals(before, Server.servedModelId(base), "a failed run leaves serving alone");

        var runId = (String) failed.get("id");
        assertEquals(202, adminPost("api/admin/trainings/" + runId + "/restart", "").statusCode());
        awaitNoRun();
        var again = run(runId);
        assertEquals(2, ((Number) again.get("attempts")).intValue());
        assertEquals("FAILED", again.get("status"));
        assertEquals(failed.get("modelIds"), again.get("modelIds"), "the tree is not trained twice");

        var tree = (String) ((List<?>) failed.get("modelIds")).get(0);
        serve(tree);
        var better = runToEnd("{\"algorithms\": [\"mlp\"], \"gridSize\": \"none\", \"cvImages\": 300, \"trainingImages\": 3000}");
        assertEquals("COMPLETED", better.get("status"));
        var mlp = (String) ((List<?>) better.get("modelIds")).get(0);
        assertEquals(mlp, better.get("promotedModelId"));
        assertEquals(mlp, Server.servedModelId(base), "the better model was hot-swapped in");
        assertEquals(409, adminPost("api/admin/trainings/" + better.get("id") + "/restart", "").statusCode());
        assertEquals(404, adminPost("api/admin/trainings/run-none/restart", "").statusCode());
        assertEquals(400, adminPost("api/admin/trainings", "{\"algorithms\": [\"perceptron\"]}").statusCode());
        var refused = adminPost("api/admin/trainings", "{\"folds\": 1, \"cvImages\": 5}");
        assertEquals(400, refused.statusCode());
        assertEquals("'cvImages' must be between 100 and 60000; 'folds' must be between 2 and 10", Server.json(refused).get("detail"),
                "the order's record names every broken bound");
        var badPoint = adminPost("api/admin/trainings", "{\"algorithms\": [\"knn\"], \"grids\": {\"knn\": \"k=3;pca=900\"}}");
        assertEquals(400, badPoint.statusCode(), "a grid point is checked when the run is ordered");
        assertEquals("pca must be between 1 and 784, got 900", Server.json(badPoint).get("detail"));
        serve(before);
    }

    /** The id of the run a training panel shows, or null. */
    private static String runShown(String panel) {
        var run = Pattern.compile("Run (run-[\\d-]+)").matcher(panel);
        return run.find() ? run.group(1) : null;
    }

    @Test
    void aRunStartedFromTheDashboardIsFollowedLiveToItsEnd() throws Exception {
        awaitNoRun();
        var authenticated = base.toString().replace("://", "://admin:it-secret@");
        browser.get(authenticated + "admin?lang=en");
        var waiting = new WebDriverWait(browser, Duration.ofMinutes(4));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".train-form")));
        for (var box : browser.findElements(By.cssSelector(".algorithms input[type=checkbox]"))) {
            boolean wanted = "decision-tree".equals(box.getAttribute("value")) || "weka-j48".equals(box.getAttribute("value"));
            assertEquals(!NOT_IN_DEFAULT_JOB.contains(box.getAttribute("value")), box.isSelected(), "the default job's models are ticked");
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("gridSize"))).selectByValue("small");
        var cv = browser.findElement(By.name("cvImages"));
        cv.clear();
        cv.sendKeys("600");
        browser.findElement(By.name("trainingImages")).sendKeys("2000");
        var previousRun = runShown(browser.findElement(By.id("training")).getText());
        browser.findElement(By.cssSelector(".train-form button[type=submit]")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#training .steps")));
        Browsers.keepScreenshot(browser, "admin-training-running");
        // The panel may still show the previous run for a moment (a poll answered before the new run existed).
        var panel = waiting.ignoring(StaleElementReferenceException.class).until(driver -> {
            var text = driver.findElement(By.id("training")).getText();
            var shown = runShown(text);
            return shown != null && !shown.equals(previousRun)
                    && !driver.findElements(By.cssSelector("#training .outcome.completed")).isEmpty() ? text : null;
        });
        assertEquals(2, Pattern.compile("done: [\\d.]+ % on the MNIST test set").matcher(panel).results().count(), panel);
        var runId = runShown(panel);
        Browsers.keepScreenshot(browser, "admin-training-done");

        browser.get(authenticated + "admin?lang=en");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".runs tbody tr")));
        var ours = browser.findElements(By.cssSelector(".runs tbody tr")).stream().filter(row -> row.getText().contains(runId)).findFirst()
                .orElseThrow();
        assertTrue(ours.getText().contains("completed"), ours.getText());
        var modelPath = ours.findElement(By.cssSelector("a[href*='weka-j48']")).getDomAttribute("href");
        browser.findElement(By.cssSelector(".comparison th:nth-child(5) a")).click();
        waiting.until(ExpectedConditions.attributeToBe(By.cssSelector(".comparison th:nth-child(5)"), "aria-sort", "descending"));
        Browsers.keepScreenshot(browser, "admin-dashboard");
        var compare = browser.findElement(By.cssSelector(".diff-form button[type=submit]"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".diff-form select[name=b]")))
                .selectByIndex(browser.findElements(By.cssSelector(".diff-form select[name=b] option")).size() - 1);
        compare.click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.diff")));
        assertTrue(browser.findElement(By.id("differences")).getText().matches("\\d+ lines? differs? \\(highlighted\\)\\."),
                browser.findElement(By.id("differences")).getText());
        assertNotEquals(0, browser.findElements(By.cssSelector("table.diff tr.differs")).size());
        Browsers.keepScreenshot(browser, "admin-diff");
        browser.get(authenticated + modelPath.substring(1));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.plot svg")));
        browser.findElement(By.cssSelector(".digit-filter a:nth-child(9)")).click();
        waiting.until(ExpectedConditions.attributeContains(By.cssSelector(".digit-filter a:nth-child(9)"), "class", "active"));
        Browsers.keepScreenshot(browser, "admin-model");
        assertNotEquals(0, browser.findElements(By.cssSelector(".gallery.mistakes img.mnist")).size());
    }
}
