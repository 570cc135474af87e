package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The app on a 390x844 phone (emulated as a mobile device): a digit drawn on the pad gets its answer (digit and
 * confidence) on the same screen as the pad, without scrolling, and so does a number on the number pad; the
 * admin pages' charts keep text of at least 10 CSS pixels, measured as the browser renders it.
 */
class PhoneScreenIT extends BrowserTest {

    private static final int WIDTH = PageTour.Screen.PHONE.width;
    private static final int HEIGHT = PageTour.Screen.PHONE.height;
    private static final double SMALLEST_TEXT = 10;

    @BeforeEach
    void phone() {
        PageTour.Screen.PHONE.emulate(browser);
    }

    @AfterEach
    void desktopAgain() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Draws a polyline given in fractions (0..1) of the pad's displayed size. */
    private void stroke(WebElement pad, double[][] points) {
        int width = pad.getSize().getWidth();
        int height = pad.getSize().getHeight();
        var actions = new Actions(browser)
                .moveToElement(pad, (int) ((points[0][0] - 0.5) * width), (int) ((points[0][1] - 0.5) * height)).clickAndHold();
        for (int i = 1; i < points.length; i++) {
            actions.moveByOffset((int) ((points[i][0] - points[i - 1][0]) * width), (int) ((points[i][1] - points[i - 1][1]) * height));
        }
        actions.release().perform();
    }

    /** The element's box in the viewport: left, top, right, bottom. */
    private List<Double> box(String selector) {
        @SuppressWarnings("unchecked")
        var box = (List<Number>) js().executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];", selector);
        return box.stream().map(Number::doubleValue).toList();
    }

    private void assertOnScreen(String selector) {
        var box = box(selector);
        assertTrue(box.get(0) >= 0 && box.get(1) >= 0 && box.get(2) <= WIDTH && box.get(3) <= HEIGHT,
                selector + " lies inside the 390x844 screen: " + box);
    }

    private void assertNoScroll(String page) {
        assertEquals(0L, ((Number) js().executeScript("return Math.round(window.scrollY)")).longValue(), page + " was not scrolled");
        assertTrue(((Number) js().executeScript("return document.documentElement.scrollWidth")).intValue() <= WIDTH,
                page + " does not scroll sideways");
    }

    @Test
    void theDigitAndItsConfidenceShowOnTheSameScreenAsThePad() {
        browser.get(base.resolve("?lang=fr").toString());
        var pad = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pad")));
        stroke(pad, new double[][] {{0.5, 0.15}, {0.5, 0.35}, {0.5, 0.55}, {0.5, 0.75}, {0.5, 0.88}});
        waiting().until(ExpectedConditions.textToBe(By.id("digit"), "1"));

        assertNoScroll("/");
        assertOnScreen("#pad");
        assertOnScreen("#digit");
        assertOnScreen("#result .confidence");
        assertOnScreen("#recognize button[type=submit]");
        Browsers.keepScreenshot(browser, "phone-answer-beside-pad");
    }

    @Test
    void aNumberIsReadOnTheSameScreenAsTheNumberPad() {
        browser.get(base.resolve("number?lang=fr").toString());
        var pad = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pad")));
        stroke(pad, new double[][] {{0.3, 0.15}, {0.3, 0.5}, {0.3, 0.85}});
        stroke(pad, new double[][] {{0.7, 0.15}, {0.7, 0.5}, {0.7, 0.85}});
        waiting().until(ExpectedConditions.textToBe(By.id("number"), "11"));

        assertNoScroll("/number");
        assertOnScreen("#pad");
        assertOnScreen("#number");
        Browsers.keepScreenshot(browser, "phone-number-beside-pad");
    }

    @Test
    void chartTextIsAtLeastTenPixelsOnAPhone() throws Exception {
        var authenticated = base.toString().replace("://", "://admin:it-secret@");
        for (var page : List.of("admin/exploration", "admin/errors")) {
            browser.get(authenticated + page + "?lang=fr");
            var charts = new WebDriverWait(browser, Duration.ofMinutes(2)).until(driver -> {
                var images = driver.findElements(By.cssSelector("picture img"));
                return !images.isEmpty() && images.stream().allMatch(i -> (Boolean) js().executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", i)) ? images : null;
            });
            for (var chart : charts) {
                // The browser chose the phone's source; its smallest text, scaled as the image is shown.
                var source = URI.create((String) js().executeScript("return arguments[0].currentSrc", chart));
                assertTrue(source.getRawQuery().contains("width=narrow"), "the narrow layout on a phone: " + source);
                var svg = Server.send(HttpRequest.newBuilder(URI.create(base.getScheme() + "://" + base.getAuthority()
                        + source.getRawPath() + "?" + source.getRawQuery())).header("Authorization", Server.ADMIN_CREDENTIALS)
                        .header("Accept-Language", "fr")).body();
                double viewBox = Double.parseDouble(Pattern.compile("viewBox=\"0 0 ([\\d.]+) ").matcher(svg).results().findFirst()
                        .orElseThrow().group(1));
                double smallest = Pattern.compile("font-size=\"([\\d.]+)\"").matcher(svg).results()
                        .mapToDouble(m -> Double.parseDouble(m.group(1))).min().orElseThrow();
                double shown = ((Number) js().executeScript("return arguments[0].getBoundingClientRect().width", chart)).doubleValue();
                assertTrue(smallest * shown / viewBox >= SMALLEST_TEXT,
                        source + ": smallest text " + smallest * shown / viewBox + " px (" + smallest + " of " + viewBox + " shown " + shown + " wide)");
            }
            Browsers.keepScreenshot(browser, "phone-charts-" + page.replace('/', '-'));
        }

        browser.get(authenticated + "admin/model?lang=fr&id=" + Server.servedModelId(base));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.plot .chart-narrow svg")));
        @SuppressWarnings("unchecked")
        var sizes = (List<Number>) js().executeScript("""
                return Array.from(document.querySelectorAll('figure.plot svg text'))
                    .filter(t => t.getClientRects().length > 0)
                    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a);""");
        assertFalse(sizes.isEmpty(), "the served network's learning curves are shown");
        double smallest = sizes.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
        assertTrue(smallest >= SMALLEST_TEXT, "smallest inline chart text " + smallest + " px");
        Browsers.keepScreenshot(browser, "phone-charts-model");
    }
}
