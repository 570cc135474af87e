package app.digits.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/** An integration test that also drives the pages in one headless Chromium for the whole class. */
abstract class BrowserTest extends DeployedApplication {

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browsers.headlessChromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
