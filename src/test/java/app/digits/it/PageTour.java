package app.digits.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A walk through every page of the app in one language on one screen (a 1366x900 desktop, or a 390x844 phone
 * emulated as a mobile device): each page gets a full-height screenshot in {@code target/screenshots/pages/}, an
 * axe-core check for serious and critical violations, and on the phone a check that it never scrolls sideways;
 * what was found is appended to {@code report.txt} there. {@code PagesIT} runs it in the test command; its
 * {@link #main} runs it against a server already running, for people reviewing pages.
 */
public final class PageTour {

    /** A page: a short name for its screenshot, its address, and whether it is in the admin area. */
    record Page(String name, String path, boolean admin) {
    }

    enum Screen {
        DESKTOP(1366, 900, false), PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Screen(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        void emulate(ChromeDriver browser) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        }
    }

    private static final int SLIDES = 10;
    private static final Path DIRECTORY = Path.of("target", "screenshots", "pages");

    private final ChromeDriver browser;
    private final URI base;
    private final String authenticated;
    private final String modelId;

    PageTour(ChromeDriver browser, URI base, String adminPassword, String modelId) {
        this.browser = browser;
        this.base = base;
        this.authenticated = base.toString().replace("://", "://admin:" + adminPassword + "@");
        this.modelId = modelId;
    }

    /** Every page; the slides are for a projector, so a phone only gets the first. */
    private List<Page> pages(Screen screen) {
        var pages = new ArrayList<>(List.of(
                new Page("digit", "", false),
                new Page("number", "number", false),
                new Page("demo-locked", "demo", false),
                new Page("captcha", "captcha", false),
                new Page("captcha-question", "captcha?kind=question", false),
                new Page("not-found", "no-such-page", false),
                new Page("dashboard", "admin", true),
                new Page("model", "admin/model?id=" + modelId, true),
                new Page("exploration", "admin/exploration", true),
                new Page("errors", "admin/errors", true)));
        IntStream.rangeClosed(1, screen == Screen.PHONE ? 1 : SLIDES).forEach(n -> pages.add(new Page("slide-" + n, "admin/slides?n=" + n, true)));
        return pages;
    }

    /** Visits every page in {@code language} on {@code screen}; returns the problems found, one line each. */
    List<String> visit(String language, Screen screen) {
        screen.emulate(browser);
        var problems = new ArrayList<String>();
        for (var page : pages(screen)) {
            var path = page.path() + (page.path().contains("?") ? "&" : "?") + "lang=" + language;
            browser.get((page.admin() ? authenticated : base.toString()) + path);
            var name = page.name() + "-" + language + "-" + screen.name().toLowerCase();
            var found = new ArrayList<String>();
            if (!settled()) {
                found.add(name + ": still loading after two minutes");
            }
            keepFullPage(name);
            Axe.seriousViolations(browser).forEach(v -> found.add(name + ": " + v));
            // A mobile viewport widens to fit content that overflows, so the width is compared to the screen's.
            if (screen == Screen.PHONE && ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth")).intValue() > screen.width) {
                found.add(name + ": scrolls sideways, " + ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth") + " px wide");
            }
            report(name, found);
            problems.addAll(found);
        }
        return problems;
    }

    /** Waits (two minutes at most) for the page, all its images (lazy ones too) and any HTMX request it makes on load. */
    private boolean settled() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
                    document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');
                    return document.readyState === 'complete'
                        && Array.from(document.images).every(i => i.complete)
                        && document.querySelector('.htmx-request') === null;"""));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** A screenshot of the whole page, not only what the window shows (capped at 5000 px high). */
    private void keepFullPage(String name) {
        var js = (JavascriptExecutor) browser;
        var height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue();
        var width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue();
        var shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 5000), "scale", 1)));
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(DIRECTORY.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String name, List<String> found) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("report.txt"), (found.isEmpty() ? name + ": clean" : String.join("\n", found)) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Screenshots and checks of every page of a running server, both languages, both screens:
     * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) -Ddigits.it.axe=target/axe/axe.min.js
     * app.digits.it.PageTour http://127.0.0.1:8080/ <admin password>}. Exits with 1 when anything was found.
     */
    public static void main(String[] args) throws Exception {
        var base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        var browser = Browsers.headlessChromium();
        var problems = new ArrayList<String>();
        try {
            var tour = new PageTour(browser, base, args[1], Server.servedModelId(base));
            for (var screen : Screen.values()) {
                for (var language : List.of("fr", "en")) {
                    problems.addAll(tour.visit(language, screen));
                }
            }
        } finally {
            browser.quit();
        }
        problems.forEach(System.out::println);
        System.out.println(problems.size() + " problems; screenshots and report.txt in " + DIRECTORY.toAbsolutePath());
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
