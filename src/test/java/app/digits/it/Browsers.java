package app.digits.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver for the browser tests, headless, French-speaking like most of the
 * app's users, and kept off the network; and screenshots under target/screenshots for people reviewing pages.
 */
final class Browsers {

    private Browsers() {
    }

    static ChromeDriver headlessChromium() {
        return headlessChromium("fr-FR,fr,en");
    }

    /** A headless Chromium whose user reads {@code acceptLanguages} (Chromium's own list, best first). */
    static ChromeDriver headlessChromium(String acceptLanguages) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return new ChromeDriver(options);
    }

    static void keepScreenshot(ChromeDriver browser, String name) {
        try {
            var directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
