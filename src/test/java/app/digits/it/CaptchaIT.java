package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The digit captcha on Payara Micro: the API's challenge lifecycle with a session cookie (a real drawing
 * passes, replays and forgeries are refused with their reasons, a pass is valid once), and in headless
 * Chromium the protected demo page unlocked with the keyboard-only text alternative.
 */
class CaptchaIT extends BrowserTest {

    private static HttpClient sessionClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static Map<String, Object> postJson(HttpClient client, URI uri, String json) throws Exception {
        var response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
        return Server.json(response);
    }

    private Map<String, Object> issue(HttpClient client) throws Exception {
        var response = client.send(HttpRequest.newBuilder(base.resolve("api/captcha/challenges"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return Server.json(response);
    }

    /** Pixels of an MNIST test image of {@code digit} that the served model reads confidently. */
    private int[] confidentDrawingOf(int digit) throws Exception {
        for (var sample : MnistSamples.testImages(300)) {
            if (sample.label() != digit) {
                continue;
            }
            var pixels = IntStream.range(0, 784).map(sample::pixel).toArray();
            var prediction = Server.json(Server.post(base.resolve("api/predictions"), "application/json",
                    ("{\"pixels\":" + Arrays.toString(pixels) + "}").getBytes()));
            if (((Number) prediction.get("digit")).intValue() == digit && ((Number) prediction.get("confidence")).doubleValue() > 0.9) {
                return pixels;
            }
        }
        throw new AssertionError("no confidently recognized " + digit + " among the first 300 test images");
    }

    @Test
    void aDrawingOfTheAskedDigitPassesOnceAndItsPassIsValidOnce() throws Exception {
        var client = sessionClient();
        var challenge = issue(client);
        int digit = ((Number) challenge.get("digit")).intValue();
        var token = (String) challenge.get("token");
        var answerUri = base.resolve("api/captcha/challenges/" + token + "/answer");
        var drawing = "{\"pixels\":" + Arrays.toString(confidentDrawingOf(digit)) + "}";

        var result = postJson(client, answerUri, drawing);
        assertEquals(true, result.get("passed"), result.toString());
        assertEquals("passed", result.get("reason"));
        var pass = (String) result.get("pass");

        assertEquals("replayed", postJson(client, answerUri, drawing).get("reason"));
        var verification = base.resolve("api/captcha/verifications");
        var first = postJson(sessionClient(), verification, "{\"pass\":\"" + pass + "\"}");
        assertEquals(Map.of("valid", true, "reason", "passed"), first);
        var second = postJson(sessionClient(), verification, "{\"pass\":\"" + pass + "\"}");
        assertEquals(Map.of("valid", false, "reason", "replayed"), second);
    }

    @Test
    void wrongForgedAndForeignAnswersAreRefusedWithTheirReasons() throws Exception {
        var client = sessionClient();
        var challenge = issue(client);
        int wrong = (((Number) challenge.get("digit")).intValue() + 1) % 10;
        var wrongAnswer = postJson(client, base.resolve("api/captcha/challenges/" + challenge.get("token") + "/answer"),
                "{\"text\":\"" + wrong + "\"}");
        assertEquals(Map.of("passed", false, "reason", "wrong-digit"), wrongAnswer);

        assertEquals("unknown-token", postJson(client, base.resolve("api/captcha/challenges/forged/answer"), "{\"text\":\"1\"}").get("reason"));

        var another = issue(client);
        var stranger = postJson(sessionClient(), base.resolve("api/captcha/challenges/" + another.get("token") + "/answer"),
                "{\"text\":\"" + another.get("digit") + "\"}");
        assertEquals("other-session", stranger.get("reason"));
        assertEquals("unknown-token", postJson(client, base.resolve("api/captcha/verifications"), "{\"pass\":\"made-up\"}").get("reason"));
    }

    @Test
    void theDemoIsLockedUntilTheCaptchaIsSolvedWithTheKeyboard() {
        browser.manage().deleteAllCookies();
        browser.get(base.resolve("demo?lang=en").toString());
        var waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        waiting.until(ExpectedConditions.urlContains("/captcha"));
        var firstToken = browser.findElement(By.name("token")).getAttribute("value");
        Browsers.keepScreenshot(browser, "captcha");

        browser.findElement(By.cssSelector("button[type=submit]")).click();
        var error = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#challenge .error")));
        assertEquals("Nothing was drawn. Here is a new challenge.", error.getText());
        assertNotEquals(firstToken, browser.findElement(By.name("token")).getAttribute("value"), "a fresh challenge");

        var digit = browser.findElement(By.id("challenge-digit")).getText();
        browser.findElement(By.cssSelector(".alternative summary")).click();
        browser.findElement(By.id("typed")).sendKeys(digit, Keys.ENTER);

        var unlocked = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("unlocked")));
        assertEquals("Demo unlocked", unlocked.getText());
        assertTrue(browser.getCurrentUrl().endsWith("/demo"));
        Browsers.keepScreenshot(browser, "demo-unlocked");
    }
}
