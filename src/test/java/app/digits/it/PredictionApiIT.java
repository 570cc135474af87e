package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.PngImages;
import app.digits.imaging.control.Sketches;
import app.digits.platform.control.PrometheusText;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prediction and dataset API on Payara Micro with the real WAR: good inputs in every accepted form are
 * recognized and really stored in MongoDB; bad inputs get a problem+json answer and store nothing; health,
 * OpenAPI and the Prometheus scrape describe them.
 */
class PredictionApiIT extends DeployedApplication {

    private URI api;
    private MongoClient mongo;

    @BeforeEach
    void connectToMongo() {
        api = base.resolve("api/");
        mongo = MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("digits.it.mongo-port"));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    private long storedDrawings() {
        return mongo.getDatabase("digits").getCollection("drawings").countDocuments();
    }

    private static String pixelsJson(int[] values) {
        return "{\"pixels\":" + Arrays.toString(values) + "}";
    }

    private HttpResponse<String> postJson(String json) throws Exception {
        return Server.post(api.resolve("predictions"), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognizesMnistTestImagesSentAsPixels() throws Exception {
        var samples = MnistSamples.testImages(60);
        int correct = 0;
        for (var sample : samples) {
            var values = IntStream.range(0, 784).map(sample::pixel).toArray();
            var response = postJson(pixelsJson(values));
            assertEquals(201, response.statusCode(), response.body());
            if (Server.json(response).get("digit") instanceof Number digit && digit.intValue() == sample.label()) {
                correct++;
            }
        }
        assertTrue(correct >= 54, "at least 90% of 60 MNIST test images, got " + correct);
    }

    @Test
    void aPngDrawingIsRecognizedStoredAndCanBeFetchedAgain() throws Exception {
        var seven = MnistSamples.testImages(1).get(0);
        assertEquals(7, seven.label());
        var png = Sketches.encode(MnistSamples.asDrawing(seven), "png");

        var response = Server.post(api.resolve("predictions"), "image/png", png);

        assertEquals(201, response.statusCode(), response.body());
        var body = Server.json(response);
        assertEquals(7, ((Number) body.get("digit")).intValue());
        assertEquals(10, ((List<?>) body.get("probabilities")).size());
        assertTrue(((Number) body.get("confidence")).doubleValue() > 0.5);
        var id = (String) body.get("id");
        assertEquals(api.resolve("predictions/" + id).getPath(), URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());

        var again = Server.json(Server.get(api.resolve("predictions/" + id)));
        assertEquals(7, ((Number) again.get("digit")).intValue());
        assertEquals(body.get("modelId"), again.get("modelId"));

        var stored = mongo.getDatabase("digits").getCollection("drawings").find(Filters.eq("_id", id)).first();
        assertEquals(7, stored.getInteger("digit"));
        assertEquals(784, stored.get("pixels", Binary.class).getData().length);
        var original = stored.get("original", Binary.class).getData();
        assertEquals((byte) 0x89, original[0], "the original is kept as a PNG");
        assertEquals(10, stored.getList("probabilities", Double.class).size());

        var input = Server.HTTP.send(HttpRequest.newBuilder(api.resolve("predictions/" + id + "/input.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, input.statusCode());
        assertEquals("image/png", input.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(28, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(input.body())).getWidth());
    }

    @Test
    void aJpegInAMultipartBodyIsRecognized() throws Exception {
        var two = MnistSamples.testImages(2).get(1);
        assertEquals(2, two.label());
        var jpeg = Sketches.encode(MnistSamples.asDrawing(two), "jpeg");
        var boundary = "digits-boundary";
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"two.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = new byte[head.length + jpeg.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(jpeg, 0, body, head.length, jpeg.length);
        System.arraycopy(tail, 0, body, head.length + jpeg.length, tail.length);

        var response = Server.post(api.resolve("predictions"), "multipart/form-data; boundary=" + boundary, body);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(2, ((Number) Server.json(response).get("digit")).intValue());
    }

    @Test
    void aCanvasDataUrlIsRecognized() throws Exception {
        var one = MnistSamples.testImages(3).get(2);
        assertEquals(1, one.label());
        var dataUrl = PngImages.dataUrl(Sketches.encode(MnistSamples.asDrawing(one), "png"));

        var response = postJson("{\"image\":\"" + dataUrl + "\"}");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, ((Number) Server.json(response).get("digit")).intValue());
    }

    @Test
    void aWholeNumberIsCutIntoDigitsAndReadLeftToRight() throws Exception {
        var samples = MnistSamples.testImages(5);
        var wide = MnistSamples.asNumber(samples);
        var expected = samples.stream().map(sample -> String.valueOf(sample.label())).collect(Collectors.joining());

        var response = Server.post(api.resolve("predictions?as=number"), "image/png", Sketches.encode(wide, "png"));

        assertEquals(201, response.statusCode(), response.body());
        var body = Server.json(response);
        assertEquals(expected, body.get("number"));
        var digits = (List<?>) body.get("digits");
        assertEquals(5, digits.size());
        var third = (Map<?, ?>) digits.get(2);
        assertTrue(((Number) third.get("left")).intValue() >= 560 && ((Number) third.get("left")).intValue() < 840);
        var input = URI.create((String) third.get("inputImage"));
        assertEquals(200, Server.get(api.resolve(input.getPath().substring(1).replaceFirst("^api/", ""))).statusCode());
        var stored = Server.json(Server.get(api.resolve("predictions/" + body.get("id"))));
        assertEquals(expected, stored.get("number"));
    }

    @Test
    void moreThanTenDigitsIsRefused() throws Exception {
        var bars = new BufferedImage(1400, 200, BufferedImage.TYPE_INT_RGB);
        var graphics = bars.createGraphics();
        graphics.fillRect(0, 0, 1400, 200);
        graphics.setColor(java.awt.Color.BLACK);
        for (int i = 0; i < 12; i++) {
            graphics.fillRect(40 + i * 110, 30, 14, 140);
        }
        graphics.dispose();
        var before = storedDrawings();

        var response = Server.post(api.resolve("predictions?as=number"), "image/png", Sketches.encode(bars, "png"));

        assertProblem(response, 400, "at most 10 digits");
        assertEquals(before, storedDrawings());
        assertProblem(Server.post(api.resolve("predictions?as=words"), "image/png", Sketches.encode(bars, "png")), 400, "'as' is");
    }

    @Test
    void aBlankDrawingIsStoredAndAnsweredAsNoDigit() throws Exception {
        var before = storedDrawings();
        var blank = Sketches.encode(new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB), "png");

        var response = Server.post(api.resolve("predictions"), "image/png", blank);

        assertEquals(201, response.statusCode(), response.body());
        var body = Server.json(response);
        assertEquals(true, body.get("blank"));
        assertNull(body.get("digit"));
        assertEquals("blank", body.get("reason"));
        assertEquals("no digit drawn", body.get("message"));
        assertEquals(before + 1, storedDrawings());
    }

    @Test
    void aGridIsAnsweredAsNotADigitWithItsProbabilitiesAndStoredSo() throws Exception {
        var grid = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        var graphics = grid.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 280, 280);
        graphics.setColor(java.awt.Color.BLACK);
        graphics.setStroke(new java.awt.BasicStroke(14));
        for (int i = 0; i <= 3; i++) {
            graphics.drawLine(50 + 60 * i, 50, 50 + 60 * i, 230);
            graphics.drawLine(50, 50 + 60 * i, 230, 50 + 60 * i);
        }
        graphics.dispose();

        var response = Server.post(api.resolve("predictions"), "image/png", Sketches.encode(grid, "png"));

        assertEquals(201, response.statusCode(), response.body());
        var body = Server.json(response);
        assertNull(body.get("digit"));
        assertEquals(false, body.get("blank"));
        assertEquals("not-a-digit", body.get("reason"));
        assertEquals("this does not look like a digit", body.get("message"));
        assertEquals(10, ((List<?>) body.get("probabilities")).size());
        var stored = mongo.getDatabase("digits").getCollection("drawings").find(Filters.eq("_id", body.get("id"))).first();
        assertNull(stored.get("digit"));
        assertEquals("not-a-digit", stored.getString("reason"));
        assertEquals("not-a-digit", Server.json(Server.get(api.resolve("predictions/" + body.get("id")))).get("reason"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() throws Exception {
        var before = storedDrawings();
        var png = Sketches.encode(Sketches.blackOnWhite(20, 20, 200), "png");
        var bomb = Sketches.encode(new BufferedImage(3000, 3000, BufferedImage.TYPE_BYTE_BINARY), "png");
        var outOfRange = new int[784];
        outOfRange[5] = 300;

        assertProblem(Server.post(api.resolve("predictions"), "image/png", new byte[0]), 400, "empty");
        assertProblem(Server.post(api.resolve("predictions"), "image/png", "not an image".getBytes()), 415, "not a PNG or JPEG");
        assertProblem(Server.post(api.resolve("predictions"), "image/png", Arrays.copyOf(png, png.length / 2)), 400, "truncated");
        assertProblem(Server.send(HttpRequest.newBuilder(api.resolve("predictions")).expectContinue(true)
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3_500_000]))),
                413, "the limit is 3000000");
        assertProblem(Server.post(api.resolve("predictions"), "image/png", bomb), 413, "3000x3000 pixels");
        assertProblem(postJson("{\"pixels\": [1, 2, 3"), 400, "Malformed JSON");
        assertProblem(postJson(pixelsJson(new int[783])), 400, "'pixels' has 783 values; a drawing is 784 grey levels (28x28)");
        assertProblem(postJson(pixelsJson(outOfRange)), 400, "'pixels' has 300 at index 5");
        assertProblem(postJson("{\"image\":\"data:image/png;base64,%%%\"}"), 400, "base64");
        assertProblem(postJson("{}"), 400, "exactly one of");
        assertProblem(Server.post(api.resolve("predictions"), "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n".getBytes()), 400, "no part named 'image'");
        assertProblem(Server.post(api.resolve("predictions"), "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"image\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n".getBytes()),
                415, "The 'image' part is text/plain, not a PNG or JPEG file");
        assertProblem(Server.post(api.resolve("predictions"), "text/xml", "<digit/>".getBytes()), 415, "");
        assertProblem(Server.get(api.resolve("predictions/no-such-id")), 404, "No prediction with id no-such-id");

        assertEquals(before, storedDrawings(), "no bad request stored anything");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0].strip());
        var problem = Server.json(response);
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertTrue(((String) problem.get("detail")).contains(detailPart), problem.get("detail") + " should contain " + detailPart);
        assertFalse(response.body().contains("Exception"), "no stack trace: " + response.body());
    }

    @Test
    void bothMnistSplitsAreImportedAndACsvImportIsIdempotentAndAllOrNothing() throws Exception {
        var status = Server.JSON.fromJson(Server.get(api.resolve("datasets")).body(), List.class);
        var counts = ((List<?>) status).stream().map(Map.class::cast)
                .collect(Collectors.toMap(split -> split.get("split"), split -> ((Number) split.get("images")).longValue()));
        assertTrue(counts.get("train") >= 60_000, "train: " + counts);
        assertEquals(10_000L, counts.get("test"));

        var rows = csvRow(3, 17) + "\n" + csvRow(8, 201) + "\n";
        var csv = ("label," + IntStream.range(0, 784).mapToObj(i -> "pixel" + i).collect(Collectors.joining(",")) + "\n" + rows)
                .getBytes(StandardCharsets.UTF_8);
        var first = Server.json(Server.postAsAdmin(api.resolve("datasets/train"), "text/csv", csv));
        assertEquals(2, ((Number) first.get("read")).intValue());
        assertEquals(2, ((Number) first.get("inserted")).intValue() + ((Number) first.get("alreadyPresent")).intValue());
        long afterFirst = trainCount();

        var second = Server.json(Server.postAsAdmin(api.resolve("datasets/train"), "text/csv", csv));
        assertEquals(0, ((Number) second.get("inserted")).intValue());
        assertEquals(2, ((Number) second.get("alreadyPresent")).intValue());
        assertEquals(afterFirst, trainCount());

        var broken = (csvRow(4, 99) + "\n" + csvRow(5, 300) + "\n").getBytes(StandardCharsets.UTF_8);
        var rejected = Server.postAsAdmin(api.resolve("datasets/train"), "text/csv", broken);
        assertProblem(rejected, 422, "line 2, pixel 0: 300 is outside 0-255");
        assertEquals(afterFirst, trainCount(), "nothing of a rejected file is imported");
        assertProblem(Server.postAsAdmin(api.resolve("datasets/validation"), "text/csv", csv), 404, "Unknown split");
    }

    @Test
    void testImagesAreServedAsInkOnATransparentGroundWithTheirStoredLabel() throws Exception {
        var image = Server.json(Server.get(api.resolve("datasets/test/images/3")));
        assertEquals(3, ((Number) image.get("index")).intValue());
        int label = ((Number) image.get("label")).intValue();
        var png = ImageIO.read(new ByteArrayInputStream(DataUrl.parse((String) image.get("image")).bytes()));
        var pixels = new byte[784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (png.getRGB(i % 28, i / 28) >>> 24);
        }
        var stored = mongo.getDatabase("digits").getCollection("mnist_test")
                .find(Filters.eq("_id", new LabelledImage(label, pixels).contentId())).first();
        assertTrue(stored != null, "the served image, read back from its transparency, is a stored test image with that label");

        var random = Server.get(api.resolve("datasets/test/images/random"));
        assertEquals(200, random.statusCode());
        assertEquals("no-store", random.headers().firstValue("Cache-Control").orElse(""));
        assertProblem(Server.get(api.resolve("datasets/test/images/10000")), 404, "There is no test image 10000: the test set holds 10000 images");
        assertEquals(404, Server.get(api.resolve("datasets/test/images/-1")).statusCode());
    }

    @Test
    void anAnonymousCsvImportIsRefusedAndStoresNothing() throws Exception {
        var csv = (csvRow(6, 123) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = trainCount();
        var anonymous = Server.post(api.resolve("datasets/train"), "text/csv", csv);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(before, trainCount(), "an anonymous import stores nothing");
        assertEquals(200, Server.get(api.resolve("datasets")).statusCode(), "reading the counts stays public");
    }

    private long trainCount() {
        return mongo.getDatabase("digits").getCollection("mnist_train").countDocuments();
    }

    private static String csvRow(int label, int value) {
        return label + "," + IntStream.range(0, 784).mapToObj(i -> String.valueOf(i % 7 == 0 ? value : 0)).collect(Collectors.joining(","));
    }

    @Test
    void thePageExplainsABadDrawingInThePersonsLanguage() throws Exception {
        var before = storedDrawings();
        var form = "image=" + java.net.URLEncoder.encode("data:image/png;base64,AAAA", StandardCharsets.UTF_8);
        var french = Server.send(HttpRequest.newBuilder(base.resolve("recognize")).header("Accept-Language", "fr-FR")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertTrue(french.body().contains("Seules les images PNG et JPEG sont acceptées."), french.body());
        var english = Server.send(HttpRequest.newBuilder(base.resolve("recognize?lang=en"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertTrue(english.body().contains("Only PNG and JPEG images are accepted."), english.body());
        assertEquals(before, storedDrawings());
    }

    @Test
    void healthAndOpenApiAreServed() throws Exception {
        var base = api.resolve("/");
        var health = Server.get(base.resolve("health/ready"));
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"mongodb\"") && health.body().contains("\"model\""), health.body());
        var openapi = Server.get(base.resolve("openapi"));
        assertTrue(openapi.body().contains("/api/predictions"), "OpenAPI documents the prediction endpoint");
    }

    private Map<String, PrometheusText.Family> scrape() throws Exception {
        var response = Server.get(base.resolve("metrics"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    private static double value(Map<String, PrometheusText.Family> families, String family, String sample, Map<String, String> labels) {
        return families.get(family).samples().stream()
                .filter(s -> s.name().equals(sample) && s.labels().equals(labels))
                .mapToDouble(PrometheusText.Sample::value).findFirst().orElse(0);
    }

    private static double predictions(Map<String, PrometheusText.Family> families, String kind, String outcome) {
        return value(families, "digits_predictions_total", "digits_predictions_total", Map.of("kind", kind, "outcome", outcome));
    }

    private void post(String path, String contentType, String body, int expected) throws Exception {
        var response = Server.post(base.resolve(path), contentType, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, response.statusCode(), response.body());
    }

    /**
     * {@code /metrics} as Prometheus scrapes it: the whole answer passes a strict parser of the text format, and
     * known requests move the right series (successes and refusals apart, latency in seconds, the served model).
     */
    @Test
    void theScrapeIsValidAndCountsSuccessesAndRefusalsApartWithLatencyInSeconds() throws Exception {
        var before = scrape();
        var seven = MnistSamples.testImages(1).get(0);
        var pixels = Arrays.toString(IntStream.range(0, 784).map(seven::pixel).toArray());
        post("api/predictions", "application/json", "{\"pixels\":" + pixels + "}", 201);
        post("api/predictions", "application/json", "{\"pixels\":" + Arrays.toString(new int[784]) + "}", 201);
        post("api/predictions?as=number", "application/json", "{\"pixels\":" + pixels + "}", 201);
        post("api/predictions", "application/json", "{\"pixels\":[1,2,3]}", 400);
        post("api/predictions", "text/plain", "seven", 415);
        var after = scrape();

        assertEquals(1, predictions(after, "digit", "recognized") - predictions(before, "digit", "recognized"));
        assertEquals(1, predictions(after, "digit", "blank") - predictions(before, "digit", "blank"));
        assertEquals(1, predictions(after, "number", "recognized") - predictions(before, "number", "recognized"));
        assertEquals(1, predictions(after, "digit", "invalid-input") - predictions(before, "digit", "invalid-input"));
        assertEquals(1, predictions(after, "digit", "unsupported-media-type") - predictions(before, "digit", "unsupported-media-type"));

        var latency = after.get("digits_recognition_seconds");
        assertEquals("histogram", latency.type());
        var digit = Map.of("kind", "digit");
        double count = value(after, "digits_recognition_seconds", "digits_recognition_seconds_count", digit);
        double sum = value(after, "digits_recognition_seconds", "digits_recognition_seconds_sum", digit);
        assertEquals(2, count - value(before, "digits_recognition_seconds", "digits_recognition_seconds_count", digit),
                "only answered drawings are timed");
        assertTrue(sum > 0 && sum / count < 10, "mean recognition time in seconds, not ms or ns: " + sum / count);

        assertEquals(1, value(after, "digits_model_info", "digits_model_info", Map.of("model_id", Server.servedModelId(base))));
        assertTrue(after.containsKey("jvm_memory_used_bytes") && after.containsKey("process_uptime_seconds"), after.keySet().toString());
        assertFalse(after.values().stream().flatMap(f -> f.samples().stream()).anyMatch(s -> s.labels().containsKey("mp_scope")),
                "Payara's own exporter, which repeats series, is off");
        after.values().forEach(family -> assertTrue(family.help() != null && !family.help().isBlank(), family.name() + " has help"));
    }

    @Test
    void mongoStoresPixelsAsBinaryNotArrays() {
        Document image = mongo.getDatabase("digits").getCollection("mnist_test").find().first();
        assertEquals(784, image.get("pixels", Binary.class).getData().length);
        assertTrue(image.getInteger("label") >= 0 && image.getInteger("label") <= 9);
    }
}
