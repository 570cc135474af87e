package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the app, in French and English, on a desktop (1366x900) and a phone (390x844, emulated as a
 * mobile device), walked by {@link PageTour}: axe-core finds no serious or critical accessibility violation, a
 * phone never scrolls sideways, and a full-page screenshot of each is left in {@code target/screenshots/pages/}
 * for people to look at. Also: a confusion-matrix cell opened from the keyboard, and the charts' language and
 * axes.
 */
class PagesIT extends BrowserTest {

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
