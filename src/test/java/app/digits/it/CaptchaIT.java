package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.captcha.control.SyntheticStrokes;
import com.mongodb.client.MongoClients;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The captcha API on Payara Micro with the real WAR: a challenge shows its digit only as a picture (the test
 * reads the expected digit from MongoDB), a hand-like drawing with its strokes and proof-of-work passes once
 * and stores no drawing, scripted answers are refused with their reasons, the typed alternative is a
 * question, and the limits per address hold when the cookie is dropped. In headless Chromium, the
 * protected demo page is unlocked by drawing on the canvas with the pointer (the page records the strokes and
 * solves the proof-of-work), and by answering the question with the keyboard only.
 */
class CaptchaIT extends BrowserTest {

    private static HttpClient sessionClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new BrowserCookies())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> postJson(HttpClient client, URI uri, String json) throws Exception {
        var response = post(client, uri, json);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
        return Server.json(response);
    }

    private Map<String, Object> issue(HttpClient client, String kind) throws Exception {
        var response = post(client, base.resolve("api/captcha/challenges" + (kind == null ? "" : "?kind=" + kind)), null);
        assertEquals(201, response.statusCode(), response.body());
        return Server.json(response);
    }

    @SuppressWarnings("unchecked")
    private static long solve(Map<String, Object> challenge) {
        return CaptchaDrawings.solve((Map<String, Object>) challenge.get("pow"));
    }

    private URI answerUri(Map<String, Object> challenge) {
        return base.resolve("api/captcha/challenges/" + challenge.get("token") + "/answer");
    }

    private static String drawnAnswer(CaptchaDrawings.Drawing drawing, String strokes, Long powNumber) {
        return "{\"image\":\"" + drawing.dataUrl() + "\"" + (strokes == null ? "" : ",\"strokes\":" + strokes)
                + (powNumber == null ? "" : ",\"powNumber\":" + powNumber) + "}";
    }

    private static long storedDrawings() {
        try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("digits.it.mongo-port"))) {
            return mongo.getDatabase("digits").getCollection("drawings").countDocuments();
        }
    }

    @Test
    void aHandDrawnDigitOfThePictureWithItsProofOfWorkPassesOnceStoresNothingAndItsPassIsValidOnce() throws Exception {
        var client = sessionClient();
        var challenge = issue(client, null);
        assertEquals(java.util.Set.of("token", "kind", "image", "expiresAt", "pow"), challenge.keySet(), "never the digit: " + challenge.keySet());
        assertTrue(((String) challenge.get("image")).startsWith("data:image/png;base64,"));
        @SuppressWarnings("unchecked")
        var pow = (Map<String, Object>) challenge.get("pow");
        assertEquals("SHA-256", pow.get("algorithm"));
        int digit = CaptchaDrawings.expectedDigit((String) challenge.get("token"));
        var drawing = CaptchaDrawings.confidentDrawingOf(base, digit);
        var answer = drawnAnswer(drawing, drawing.strokesJson(), solve(challenge));

        long drawingsBefore = storedDrawings();
        var result = postJson(client, answerUri(challenge), answer);
        assertEquals(true, result.get("passed"), result.toString());
        assertEquals("passed", result.get("reason"));
        assertEquals(drawingsBefore, storedDrawings(), "a captcha answer adds no document to drawings");
        var pass = (String) result.get("pass");

        assertEquals("replayed", postJson(client, answerUri(challenge), answer).get("reason"));
        var verification = base.resolve("api/captcha/verifications");
        assertEquals(Map.of("valid", true, "reason", "passed"), postJson(sessionClient(), verification, "{\"pass\":\"" + pass + "\"}"));
        assertEquals(Map.of("valid", false, "reason", "replayed"), postJson(sessionClient(), verification, "{\"pass\":\"" + pass + "\"}"));
    }

    @Test
    void scriptedAnswersAreRefusedWithTheirReasons() throws Exception {
        var drawing = CaptchaDrawings.confidentDrawingOf(base, 7);
        long drawingsBefore = storedDrawings();

        var client = sessionClient();
        var pixels = issue(client, null);
        var pixelsOnly = post(client, answerUri(pixels),
                "{\"pixels\":" + java.util.Arrays.toString(new int[784]) + ",\"powNumber\":" + solve(pixels) + "}");
        assertEquals(400, pixelsOnly.statusCode(), "MNIST pixels are no answer: " + pixelsOnly.body());
        assertTrue(pixelsOnly.body().contains("pixels"), pixelsOnly.body());
        var text = issue(client, null);
        assertEquals("no-trajectory", postJson(client, answerUri(text), "{\"text\":\"1\",\"powNumber\":" + solve(text) + "}").get("reason"));

        var line = SyntheticStrokes.constantSpeedLine(140, 40, 140, 240, 30);
        var straight = new CaptchaDrawings.Drawing(line, SyntheticStrokes.render(line));
        var scripted = issue(client, null);
        assertEquals("implausible-strokes", postJson(client, answerUri(scripted),
                drawnAnswer(straight, straight.strokesJson(), solve(scripted))).get("reason"));

        var other = sessionClient();
        var noProof = issue(other, null);
        assertEquals("no-proof-of-work", postJson(other, answerUri(noProof), drawnAnswer(drawing, drawing.strokesJson(), null)).get("reason"));
        var wrongProof = issue(other, null);
        assertEquals("wrong-proof-of-work", postJson(other, answerUri(wrongProof),
                drawnAnswer(drawing, drawing.strokesJson(), solve(wrongProof) + 1)).get("reason"));
        assertEquals(drawingsBefore, storedDrawings(), "refused answers are not stored either");
    }

    @Test
    void theTypedAlternativeIsAQuestionAnsweredWithADigit() throws Exception {
        var client = sessionClient();
        var challenge = issue(client, "question");
        assertFalse(challenge.containsKey("image"));
        @SuppressWarnings("unchecked")
        var question = (Map<String, String>) challenge.get("question");
        assertTrue(question.get("fr").endsWith(" ?") && question.get("en").endsWith("?"), question.toString());
        int digit = CaptchaDrawings.expectedDigit((String) challenge.get("token"));
        assertFalse(question.get("en").contains(String.valueOf(digit)), "the sentence is in words: " + question);
        var right = postJson(client, answerUri(challenge), "{\"text\":\"" + digit + "\",\"powNumber\":" + solve(challenge) + "}");
        assertEquals(true, right.get("passed"), right.toString());

        var wrong = issue(client, "question");
        int wrongDigit = (CaptchaDrawings.expectedDigit((String) wrong.get("token")) + 1) % 10;
        assertEquals("wrong-digit", postJson(client, answerUri(wrong), "{\"text\":\"" + wrongDigit + "\",\"powNumber\":" + solve(wrong) + "}").get("reason"));

        var foreign = issue(client, "question");
        assertEquals("other-session", postJson(sessionClient(), answerUri(foreign), "{\"text\":\"1\",\"powNumber\":" + solve(foreign) + "}").get("reason"));
        assertEquals("unknown-token", postJson(client, base.resolve("api/captcha/challenges/forged/answer"), "{\"text\":\"1\"}").get("reason"));
        assertEquals("unknown-token", postJson(client, base.resolve("api/captcha/verifications"), "{\"pass\":\"made-up\"}").get("reason"));
        assertEquals(400, post(client, base.resolve("api/captcha/challenges?kind=audio"), null).statusCode());
    }

    @Test
    void limitsPerAddressHoldWhenTheCookieIsDropped() throws Exception {
        // Another loopback address, so the other tests' allowance on 127.0.0.1 is untouched.
        var cookieless = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName("127.0.0.7"))
                .connectTimeout(Duration.ofSeconds(10)).build();
        var issue = base.resolve("api/captcha/challenges?kind=question");
        for (int i = 0; i < 60; i++) {
            assertEquals(201, post(cookieless, issue, null).statusCode(), "challenge " + (i + 1));
        }
        var refused = post(cookieless, issue, null);
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        assertNotNull(Server.json(refused).get("detail"));

        var never = base.resolve("api/captcha/challenges/never-issued/answer");
        for (int i = 0; i < 30; i++) {
            assertEquals("unknown-token", Server.json(post(cookieless, never, "{\"text\":\"1\"}")).get("reason"), "answer " + (i + 1));
        }
        var tooMany = post(cookieless, never, "{\"text\":\"1\"}");
        assertEquals(429, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.headers().firstValue("Retry-After").isPresent());
    }

    /** Plays the trajectory on the canvas with the mouse, keeping its rhythm. */
    private static void draw(WebElement pad, app.digits.captcha.entity.Trajectory trajectory) {
        double scale = pad.getSize().getWidth() / (double) SyntheticStrokes.CANVAS;
        int half = pad.getSize().getWidth() / 2;
        var mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
        var moves = new Sequence(mouse, 0);
        for (var stroke : trajectory.strokes()) {
            var first = stroke.getFirst();
            moves.addAction(mouse.createPointerMove(Duration.ofMillis(120), PointerInput.Origin.fromElement(pad),
                    (int) Math.round(first.x() * scale) - half, (int) Math.round(first.y() * scale) - half));
            moves.addAction(mouse.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            for (int i = 1; i < stroke.size(); i++) {
                var point = stroke.get(i);
                moves.addAction(mouse.createPointerMove(Duration.ofMillis(Math.round(point.t() - stroke.get(i - 1).t())),
                        PointerInput.Origin.fromElement(pad), (int) Math.round(point.x() * scale) - half, (int) Math.round(point.y() * scale) - half));
            }
            moves.addAction(mouse.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        }
        browser.perform(List.of(moves));
    }

    private static void awaitProofOfWork(WebDriverWait waiting, String ready) {
        waiting.until(ExpectedConditions.textToBe(By.id("pow-state"), ready));
    }

    @Test
    void theDemoIsLockedUntilTheDigitOfThePictureIsDrawnByHand() throws Exception {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1200, 900));
        browser.get(base.resolve("demo?lang=en").toString());
        var waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
        waiting.until(ExpectedConditions.urlContains("/captcha"));
        var image = browser.findElement(By.id("challenge-image"));
        assertTrue(image.getAttribute("src").startsWith("data:image/png;base64,"));
        assertFalse(browser.getPageSource().contains("challenge-digit"), "the digit is not in the page");
        var firstToken = browser.findElement(By.name("token")).getAttribute("value");
        awaitProofOfWork(waiting, "ready.");
        Browsers.keepScreenshot(browser, "captcha");

        browser.findElement(By.cssSelector("button[type=submit]")).click();
        var error = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#challenge .error")));
        assertEquals("Draw the digit with the mouse, a finger or a pen. Here is a new challenge.", error.getText());
        var token = browser.findElement(By.name("token")).getAttribute("value");
        assertFalse(firstToken.equals(token), "a fresh challenge");

        var drawing = CaptchaDrawings.confidentDrawingOf(base, CaptchaDrawings.expectedDigit(token));
        awaitProofOfWork(waiting, "ready.");
        draw(browser.findElement(By.id("pad")), drawing.trajectory());
        Browsers.keepScreenshot(browser, "captcha-drawn");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        var unlocked = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("unlocked")));
        assertEquals("Demo unlocked", unlocked.getText());
        assertTrue(browser.getCurrentUrl().endsWith("/demo"));
        Browsers.keepScreenshot(browser, "demo-unlocked");
    }

    @Test
    void theQuestionUnlocksTheDemoWithTheKeyboardOnlyAlsoOnAPhone() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base.resolve("captcha").toString());
            var waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
            awaitProofOfWork(waiting, "prêt.");
            Browsers.keepScreenshot(browser, "captcha-phone");
            browser.findElement(By.id("to-question")).click();
            var question = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label.question")));
            assertTrue(question.getText().endsWith(" ?"), question.getText());
            awaitProofOfWork(waiting, "prêt.");
            Browsers.keepScreenshot(browser, "captcha-question-phone");
            int digit = CaptchaDrawings.expectedDigit(browser.findElement(By.name("token")).getAttribute("value"));
            browser.findElement(By.id("typed")).sendKeys(String.valueOf(digit), Keys.ENTER);

            var unlocked = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("unlocked")));
            assertTrue(browser.getCurrentUrl().endsWith("/demo"));
            assertFalse(unlocked.getText().isBlank());
        } finally {
            browser.manage().window().setSize(new Dimension(1200, 900));
        }
    }
}
