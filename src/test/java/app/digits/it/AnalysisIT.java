package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The analysis on Payara Micro: the exploration and error-analysis pages and their HTMX fragments, the
 * figure endpoints (real PNG and SVG, cached with ETags, problems for bad parameters), the slides, and the
 * report command writing Markdown and figures from the database and the served model.
 */
class AnalysisIT extends DeployedApplication {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", Server.ADMIN_CREDENTIALS).header("Accept-Language", "en");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String text(String path, String... headers) throws Exception {
        var response = get(path, headers);
        assertEquals(200, response.statusCode(), path);
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theExplorationPageAndItsFiguresShowTheRealData() throws Exception {
        var page = text("admin/exploration");
        assertTrue(Pattern.compile("[\\d,]{6,} training images stored of the 60,000 in the files, 10,000 test images of 10,000").matcher(page).find(),
                "other tests may import a few CSV images into the shared database: " + page);
        for (var figure : List.of("balance", "intensity", "ink", "digits", "means", "digit?digit=7", "image?index=0")) {
            assertTrue(page.contains("/admin/figures/" + figure.replace("&", "&amp;")), figure);
        }
        var digits = get("admin/figures/digits");
        assertEquals(200, digits.statusCode());
        assertEquals("image/png", digits.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(8 + 10 * (84 + 8), ImageIO.read(new ByteArrayInputStream(digits.body())).getWidth(), "ten digits side by side");
        var etag = digits.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("admin/figures/digits", "If-None-Match", etag).statusCode());

        var balance = get("admin/figures/balance");
        assertTrue(balance.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
        assertEquals(20, Pattern.compile("<rect x=\"[\\d.]+\" y=\"[\\d.]+\" width").matcher(new String(balance.body())).results().count() - 2,
                "ten digits, train and test");

        var image = text("admin/exploration/image?random=1", "HX-Request", "true");
        assertTrue(Pattern.compile("Training image #\\d+, labelled \\d").matcher(image).find(), image);
        assertTrue(text("admin/exploration/digit?digit=4", "HX-Request", "true").contains("/admin/figures/digit?digit=4"));

        var missing = get("admin/figures/image?index=70000");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(400, get("admin/figures/image?index=first").statusCode());
        assertEquals(404, get("admin/figures/nothing").statusCode());
        assertEquals(401, client.send(HttpRequest.newBuilder(base.resolve("admin/figures/digits")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theErrorAnalysisAndTheSlidesUseTheServedModel() throws Exception {
        var errors = text("admin/errors");
        assertTrue(errors.contains("The digit it gets wrong most is"), errors);
        assertTrue(Pattern.compile("\\d read as \\d: \\d+ times").matcher(errors).find(), "the most confused pairs");
        var wrong = get("admin/figures/wrong");
        assertEquals(200, wrong.statusCode());
        assertTrue(ImageIO.read(new ByteArrayInputStream(wrong.body())).getHeight() > 100);
        assertEquals(200, get("admin/figures/pair?digit=0").statusCode());
        assertEquals(404, get("admin/figures/pair?digit=99").statusCode());

        var slide = text("admin/slides?n=6");
        assertTrue(slide.contains("Models compared") && slide.contains("6 / 10"), slide);
        assertTrue(slide.contains("hx-trigger=\"slide-next from:body\"") && slide.contains("/assets/js/slides.js"),
                "arrow keys move between slides (slides.js turns them into HTMX events)");
        var next = text("admin/slides?n=7", "HX-Request", "true");
        assertTrue(next.contains("Results") && !next.contains("<html"), "a single slide for HTMX");
        assertEquals(10, Pattern.compile("class=\"slide\"").matcher(text("admin/slides?all=1")).results().count(), "all slides to print");
    }

    @Test
    void theReportCommandWritesMarkdownAndFiguresFromTheData() throws Exception {
        var response = client.send(HttpRequest.newBuilder(base.resolve("api/admin/analysis/report")).header("Authorization", Server.ADMIN_CREDENTIALS)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        var written = Server.json(response);
        var directory = Path.of((String) written.get("directory"));
        var files = (List<?>) written.get("files");
        assertEquals("README.md", files.getLast());
        var report = Files.readString(directory.resolve("README.md"));
        for (var section : List.of("## 1. The data", "## 2. Exploration", "## 3. Problems met", "## 4. Preprocessing", "## 5. Models and tuning",
                "## 6. Results", "## 7. Error analysis", "## 8. The final choice")) {
            assertTrue(report.contains(section), section);
        }
        assertTrue(report.contains("(served)"), "the comparison table marks the served model");
        for (var figure : Pattern.compile("\\]\\((figures/[a-z]+\\.(png|svg))\\)").matcher(report).results().map(m -> m.group(1)).toList()) {
            var bytes = Files.readAllBytes(directory.resolve(figure));
            assertTrue(figure.endsWith(".svg") ? new String(bytes).startsWith("<svg") : bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', figure);
        }
    }
}
