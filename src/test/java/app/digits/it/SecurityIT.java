package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser-facing defences: security headers on every kind of answer, a session cookie scripts cannot read
 * and other sites do not get on POSTs, admin answers never cached, no link or redirect built from a forged
 * {@code Host} header, and pages that really run under their Content-Security-Policy (Chromium reports no
 * violation, and HTMX still swaps).
 */
class SecurityIT extends BrowserTest {

    private static final List<String> HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
            "Referrer-Policy", "X-Frame-Options", "Permissions-Policy");

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        for (var path : List.of("", "number", "api/datasets", "assets/css/digits.css", "admin", "api/predictions/missing",
                "metrics", "no-such-page")) {
            var response = Server.get(base.resolve(path));
            for (var header : HEADERS) {
                assertTrue(response.headers().firstValue(header).isPresent(), header + " on /" + path + " (" + response.statusCode() + ")");
            }
            var csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-eval")
                    && !csp.contains("script-src 'self' 'unsafe-inline'"), csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
    }

    @Test
    void adminAnswersAreNeverCachedAndTheSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        for (var path : List.of("admin", "admin/exploration", "api/admin/models")) {
            var response = Server.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", Server.ADMIN_CREDENTIALS));
            assertEquals(200, response.statusCode(), path);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow(), path);
        }
        var page = Server.send(HttpRequest.newBuilder(base.resolve("admin")).header("Authorization", Server.ADMIN_CREDENTIALS));
        var cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("DIGITS_SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("the admin page starts a session: " + page.headers().map()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
    }

    @Test
    void aClientKeepingCookiesWithJavasCookieManagerKeepsItsSessionAndGetsRealAnswers() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();
        var tokens = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var page = client.send(HttpRequest.newBuilder(base.resolve("admin")).header("Authorization", Server.ADMIN_CREDENTIALS).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(value -> value.startsWith("JSESSIONIDVERSION")),
                    "no session version cookie: " + page.headers().allValues("Set-Cookie"));
            var token = java.util.regex.Pattern.compile("X-CSRF-Token&quot;: &quot;([A-Za-z0-9_-]+)").matcher(page.body());
            assertTrue(token.find(), "a real page, with its form: " + page.body().length() + " characters");
            tokens.add(token.group(1));
        }
        assertEquals(1, Set.copyOf(tokens).size(), "the session (its CSRF token) is kept across requests: " + tokens);
    }

    /** One HTTP/1.1 exchange over a plain socket, since Java's HTTP client refuses to set {@code Host}. */
    private String rawExchange(String method, String path, String host, String contentType, String body) throws IOException {
        try (var socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            var head = method + " /" + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            var answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String location(String answer) {
        return answer.lines().filter(line -> line.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .map(line -> line.substring(9).strip()).orElseThrow(() -> new AssertionError("no Location in " + answer));
    }

    @Test
    void aForgedHostHeaderIsNeverReflectedInLinksOrRedirects() throws Exception {
        var pixels = Arrays.toString(java.util.stream.IntStream.range(0, 784).map(i -> i % 28 > 10 && i % 28 < 16 ? 255 : 0).toArray());
        var created = rawExchange("POST", "api/predictions", "evil.example", "application/json", "{\"pixels\":" + pixels + "}");
        assertTrue(created.startsWith("HTTP/1.1 201"), created);
        var location = location(created);
        assertTrue(location.startsWith("http://127.0.0.1:" + base.getPort() + "/api/predictions/"), location);
        assertFalse(created.contains("evil.example"), created);

        var id = location.substring(location.lastIndexOf('/') + 1);
        var fetched = rawExchange("GET", "api/predictions/" + id, "evil.example", null, "");
        assertTrue(fetched.startsWith("HTTP/1.1 200") && fetched.contains("/api/predictions/" + id + "/input.png"), fetched);
        assertFalse(fetched.contains("evil.example"), fetched);

        var redirected = rawExchange("GET", "demo", "evil.example", null, "");
        assertTrue(redirected.startsWith("HTTP/1.1 302"), redirected);
        assertEquals("/captcha", location(redirected));
    }

    @Test
    void thePagesRunUnderTheirContentSecurityPolicy() {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", Server.ADMIN_CREDENTIALS)));
        var waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        for (var path : List.of("", "number", "captcha", "admin", "admin/exploration", "admin/slides")) {
            browser.get(base.resolve(path).toString());
            waiting.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            assertTrue((Boolean) browser.executeScript("return typeof htmx !== 'undefined' && htmx.config.allowEval === false"),
                    "HTMX loaded with its configuration on /" + path);
            assertNoViolations(path);
        }
        browser.executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s);");
        assertEquals(null, browser.executeScript("return window.injected"), "an injected inline script does not run");
        var reported = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .anyMatch(entry -> entry.getMessage().contains("Content Security Policy"));
        assertTrue(reported, "Chromium reports a violation in the log this test reads");
        // Read through script: HTMX replaces the slide element, so a found element may go stale mid-read.
        var shownSlide = "return document.getElementById('slide').dataset.slide";
        var slide = (String) browser.executeScript(shownSlide);
        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        waiting.until(driver -> !slide.equals(browser.executeScript(shownSlide)));
        assertEquals(Integer.parseInt(slide) + 1, Integer.parseInt((String) browser.executeScript(shownSlide)),
                "the arrow key moves to the next slide through HTMX");
        assertNoViolations("admin/slides after a swap");
        Browsers.keepScreenshot(browser, "slides-under-csp");
    }

    private static void assertNoViolations(String where) {
        var entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        var violations = entries.stream().filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(entry -> entry.getMessage())
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertTrue(violations.isEmpty(), "CSP violations on /" + where + ": " + violations);
    }
}
