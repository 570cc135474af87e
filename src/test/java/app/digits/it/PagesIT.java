package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the app, in French and English, on a desktop (1366x900) and a phone (390x844, emulated as a
 * mobile device), walked by {@link PageTour}: axe-core finds no serious or critical accessibility violation, a
 * phone never scrolls sideways, and a full-page screenshot of each is left in {@code target/screenshots/pages/}
 * for people to look at. On the phone, a digit drawn on the pad gets its answer (digit and confidence) on the
 * same screen as the pad, without scrolling, and so does a number on the number pad; the admin pages' charts keep
 * text of at least 10 CSS pixels, measured as the browser renders it. Also: a confusion-matrix cell opened from
 * the keyboard, and the charts' language and axes.
 */
class PagesIT extends BrowserTest {

    private static final int WIDTH = PageTour.Screen.PHONE.width;
    private static final int HEIGHT = PageTour.Screen.PHONE.height;
    private static final double SMALLEST_TEXT = 10;

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
        PageTour.Screen.PHONE.emulate(browser);
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
        PageTour.Screen.PHONE.emulate(browser);
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
        PageTour.Screen.PHONE.emulate(browser);
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

    @Test
    void frenchOnADesktop() throws Exception {
        checkEveryPage("fr", PageTour.Screen.DESKTOP);
    }

    @Test
    void englishOnADesktop() throws Exception {
        checkEveryPage("en", PageTour.Screen.DESKTOP);
    }

    @Test
    void frenchOnAPhone() throws Exception {
        checkEveryPage("fr", PageTour.Screen.PHONE);
    }

    @Test
    void englishOnAPhone() throws Exception {
        checkEveryPage("en", PageTour.Screen.PHONE);
    }

    @Test
    void aConfusionCellOpensItsTestImagesPagedAndIsReachedWithTheKeyboard() throws Exception {
        PageTour.Screen.DESKTOP.emulate(browser);
        var authenticated = base.toString().replace("://", "://admin:it-secret@");
        browser.get(authenticated + "admin/model?lang=en&id=" + Server.servedModelId(base));
        var waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        var cells = browser.findElements(By.cssSelector("table.heatmap td a"));
        assertTrue(cells.size() >= 10, "at least the diagonal's cells are links");

        // Tab from the link before the 7-7 cell: the keyboard reaches the cell, Enter opens its images.
        int sevenSeven = IntStream.range(0, cells.size()).filter(i -> cells.get(i).getAttribute("href").contains("digit=7&predicted=7"))
                .findFirst().orElseThrow();
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", cells.get(sevenSeven - 1));
        new Actions(browser).sendKeys(Keys.TAB).perform();
        var focused = browser.switchTo().activeElement();
        assertTrue(focused.getAttribute("href").contains("digit=7&predicted=7"), focused.getAttribute("href"));
        int sevens = Integer.parseInt(focused.getText().trim());
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waiting.until(ExpectedConditions.textMatches(By.cssSelector("#mistakes .hint"),
                Pattern.compile(Pattern.quote(String.format(java.util.Locale.ENGLISH, "%,d", sevens)) + " test images of 7 read as 7\\.")));
        var labels = browser.findElements(By.cssSelector("#mistakes .gallery li span"));
        assertTrue(labels.size() == Math.min(40, sevens) && labels.stream().allMatch(l -> l.getText().equals("true 7, read 7")),
                "the right sevens, a page of them");
        Browsers.keepScreenshot(browser, "model-cell-7-7");

        if (sevens > 40) {
            browser.findElement(By.linkText("Next →")).click();
            waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mistakes .pager"), "Page 2 of"));
            assertTrue(browser.findElements(By.cssSelector("#mistakes .gallery li span")).stream()
                    .allMatch(l -> l.getText().equals("true 7, read 7")), "the next page keeps to the cell");
        }
    }

    @Test
    void chartsSpeakThePagesLanguageOnRoundAxesThatShowTheDifferences() throws Exception {
        var authenticated = base.toString().replace("://", "://admin:it-secret@");
        for (var language : List.of("fr", "en")) {
            browser.get(authenticated + "admin/errors?lang=" + language);
            // The chart is drawn once the error analysis is ready: the page's own image waits for it; the chart is
            // then read again by the test's HTTP client (a fetch from the page could be answered by the browser's
            // authentication prompt instead, which a headless browser never closes), naming the other language:
            // the image's address carries the page's, so the chart speaks it whatever the browser says.
            new WebDriverWait(browser, Duration.ofMinutes(2)).until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                    "const i = document.querySelector('img[src*=\"figures/recall\"]'); return i.complete && i.naturalWidth > 0;"));
            var src = URI.create(browser.findElement(By.cssSelector("img[src*='figures/recall']")).getAttribute("src"));
            var chart = Server.send(HttpRequest.newBuilder(URI.create(base.getScheme() + "://" + base.getAuthority()
                            + src.getRawPath() + "?" + src.getRawQuery()))
                    .header("Authorization", Server.ADMIN_CREDENTIALS).header("Accept-Language", language.equals("fr") ? "en" : "fr")).body();
            assertTrue(chart.contains(language.equals("fr") ? "Rappel par chiffre" : "Recall per digit"), language + ": " + chart);
            var footer = browser.findElement(By.cssSelector("footer")).getText();
            assertTrue(language.equals("en") || List.of("perceptron (", "forest", "tree", "regression", "network", "neighbours")
                    .stream().noneMatch(footer::contains), "the served algorithm's name in French: " + footer);
            var ticks = Pattern.compile("text-anchor=\"end\"[^>]*>([^<]+)</text>").matcher(chart).results().map(m -> m.group(1)).toList();
            assertEquals("100 %", ticks.getLast(), "recall stops at 100 %: " + ticks);
            assertNotEquals("0 %", ticks.getFirst(), "the recall axis zooms in on the values: " + ticks);
            assertTrue(ticks.stream().allMatch(t -> t.matches("\\d+([,.]\\d)? %")), "round ticks: " + ticks);
        }
    }

    private void checkEveryPage(String language, PageTour.Screen screen) throws Exception {
        var problems = new PageTour(browser, base, "it-secret", Server.servedModelId(base)).visit(language, screen);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
