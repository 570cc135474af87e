package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home page in a real headless Chromium: pointer strokes on the canvas, the Predict and Clear buttons,
 * the live prediction while drawing (also before the pen lifts), undo, pen width, an uploaded scan, MNIST test
 * images on the pad, the language switch (and English for browsers in other languages), a phone-sized viewport,
 * the reasons a drawing is not read (several digits on the digit pad, more than ten on the number pad), and a
 * number corrected from the keyboard.
 */
class DrawingPageIT extends BrowserTest {

    @BeforeEach
    void desktopWindow() {
        browser.manage().window().setSize(new Dimension(1200, 900));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private WebElement openPage(String language) {
        browser.get(base.resolve("?lang=" + language).toString());
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pad")));
    }

    /** Draws a polyline given in canvas-relative fractions (0..1) of the canvas's displayed size. */
    private void stroke(WebElement pad, double[][] points) {
        int width = pad.getSize().getWidth();
        int height = pad.getSize().getHeight();
        var actions = new Actions(browser)
                .moveToElement(pad, (int) ((points[0][0] - 0.5) * width), (int) ((points[0][1] - 0.5) * height))
                .clickAndHold();
        for (int i = 1; i < points.length; i++) {
            actions.moveByOffset((int) ((points[i][0] - points[i - 1][0]) * width),
                    (int) ((points[i][1] - points[i - 1][1]) * height));
        }
        actions.release().perform();
    }

    private static final double[][] ONE = {{0.5, 0.15}, {0.5, 0.35}, {0.5, 0.55}, {0.5, 0.75}, {0.5, 0.88}};

    private static double[][] zero() {
        var points = new double[25][];
        for (int i = 0; i < points.length; i++) {
            double angle = 2 * Math.PI * i / (points.length - 1);
            points[i] = new double[] {0.5 + 0.22 * Math.sin(angle), 0.5 - 0.33 * Math.cos(angle)};
        }
        return points;
    }

    /**
     * Clicks Predict once the live readings have settled and waits for its own answer: live readings go on
     * while and after drawing, and an earlier one landing late would be read in its place.
     */
    private void predict() {
        var js = (JavascriptExecutor) browser;
        var idle = "return !document.getElementById('recognize').classList.contains('htmx-request')";
        waiting().until(driver -> (Boolean) js.executeScript(idle));
        js.executeScript("document.querySelectorAll('#result > *').forEach(e => e.setAttribute('data-old', ''))");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(driver -> (Boolean) js.executeScript("return document.querySelector('#result [data-old]') === null && "
                + idle.substring("return ".length())));
    }

    /** The digit shown once one is; a live reading that replaces the result meanwhile is read in its turn. */
    private String recognizedDigit() {
        return waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            var digit = driver.findElement(By.id("digit"));
            return digit.isDisplayed() ? digit.getText() : null;
        });
    }

    @Test
    void drawsAOneClicksPredictAndReadsItBack() {
        var pad = openPage("en");
        stroke(pad, ONE);
        predict();

        assertEquals("1", recognizedDigit());
        List<WebElement> bars = browser.findElements(By.cssSelector(".bars li"));
        assertEquals(10, bars.size());
        var value = bars.get(1).findElement(By.className("bar-value"));
        assertTrue(value.getSize().getHeight() < 1.5 * bars.get(0).findElement(By.className("bar-value")).getSize().getHeight(),
                "the top probability (" + value.getText() + ") stays on one line");
        assertTrue(bars.get(1).getAttribute("class").contains("top"), "the bar of the recognized digit stands out");
        var seen = browser.findElement(By.cssSelector(".seen img"));
        assertTrue(seen.getAttribute("src").startsWith("data:image/png;base64,"));
        Browsers.keepScreenshot(browser, "recognized-one");

        browser.findElement(By.cssSelector(".feedback button.yes")).click();
        var thanks = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback .thanks")));
        assertTrue(thanks.getText().startsWith("Thank you! This drawing is recorded as a 1"), thanks.getText());
    }

    @Test
    void predictsLiveWhileDrawingWithoutAClick() {
        var pad = openPage("en");
        stroke(pad, zero());

        assertEquals("0", recognizedDigit());
    }

    @Test
    void answersWhileThePenIsStillDown() {
        var pad = openPage("en");
        int height = pad.getSize().getHeight();
        var held = new Actions(browser).moveToElement(pad, 0, (int) (-0.35 * height)).clickAndHold();
        for (int step = 0; step < 6; step++) {
            held.moveByOffset(0, (int) (0.12 * height)).pause(Duration.ofMillis(120));
        }
        held.pause(Duration.ofMillis(1500)).perform();

        assertEquals("1", recognizedDigit(), "read before the pen lifts");
        new Actions(browser).release().perform();
    }

    @Test
    void clearEmptiesTheCanvasAndABlankCanvasIsNotAGuess() {
        var pad = openPage("en");
        stroke(pad, ONE);
        assertEquals("1", recognizedDigit());

        browser.findElement(By.id("clear")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("digit")));
        predict();

        var blank = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result .blank")));
        assertEquals("No digit drawn.", blank.getText());
    }

    /** Canvas pixels with any ink, as the canvas holds them. */
    private long inkedPixels() {
        return (Long) ((JavascriptExecutor) browser).executeScript("""
                const pad = document.getElementById('pad');
                const data = pad.getContext('2d').getImageData(0, 0, pad.width, pad.height).data;
                let inked = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) inked++; }
                return inked;""");
    }

    @Test
    void undoTakesBackTheLastStrokeAndUndoingEverythingEmptiesTheResult() {
        var pad = openPage("en");
        var undo = browser.findElement(By.id("undo"));
        assertFalse(undo.isEnabled(), "nothing to undo on an empty pad");
        stroke(pad, ONE);
        assertEquals("1", recognizedDigit());
        long oneStroke = inkedPixels();
        stroke(pad, new double[][] {{0.2, 0.3}, {0.5, 0.3}, {0.8, 0.3}});
        assertTrue(inkedPixels() > oneStroke, "the second stroke adds ink");

        undo.click();
        assertEquals(oneStroke, inkedPixels(), "only the last stroke is gone");
        predict();
        assertEquals("1", recognizedDigit());

        undo.click();
        assertEquals(0, inkedPixels());
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("digit")));
        assertFalse(undo.isEnabled());
    }

    @Test
    void aBoldPenLeavesMoreInkThanAThinOneAndBothAreRead() {
        var pad = openPage("en");
        var pen = new Select(browser.findElement(By.id("pen-width")));
        pen.selectByValue("thin");
        stroke(pad, ONE);
        assertEquals("1", recognizedDigit());
        long thin = inkedPixels();

        browser.findElement(By.id("clear")).click();
        pen.selectByValue("bold");
        stroke(pad, ONE);
        assertEquals("1", recognizedDigit());
        assertTrue(inkedPixels() > 2 * thin, "bold " + inkedPixels() + " against thin " + thin);
        pen.selectByValue("normal");
    }

    @Test
    void anUploadedScanIsReadLikeADrawing() throws Exception {
        var seven = MnistSamples.testImages(1).get(0);
        var scan = Files.createTempFile("scan-of-a-seven", ".png");
        try {
            ImageIO.write(MnistSamples.asDrawing(seven), "png", scan.toFile());
            openPage("en");
            browser.findElement(By.id("upload")).sendKeys(scan.toString());

            assertEquals("7", recognizedDigit());
            assertTrue(inkedPixels() > 0, "the scan is on the pad, to draw over");
            assertEquals(scan.getFileName().toString(), browser.findElement(By.id("pad-note")).getText());
        } finally {
            Files.delete(scan);
        }
    }

    @Test
    void aTestDigitFromMnistIsPutOnThePadAndReadWithTheKeyboardOnly() {
        openPage("en");
        browser.findElement(By.id("sample")).sendKeys(Keys.ENTER);

        waiting().until(ExpectedConditions.textMatches(By.id("pad-note"),
                Pattern.compile("MNIST test image no\\. \\d+, labelled \\d\\.")));
        assertTrue(inkedPixels() > 0, "the test image is on the pad");
        assertTrue(recognizedDigit().matches("[0-9?]"), "the test image gets an answer");
    }

    @Test
    void speaksFrenchFirstAndSwitchesToEnglish() {
        browser.manage().deleteAllCookies();
        browser.get(base.toString());
        var predict = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type=submit]")));
        assertEquals("Reconnaître", predict.getText());
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));

        browser.findElement(By.linkText("EN")).click();
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("button[type=submit]"), "Predict"));
        browser.get(base.toString());
        assertEquals("Predict", browser.findElement(By.cssSelector("button[type=submit]")).getText(), "the choice is remembered");
        assertTrue(browser.findElement(By.cssSelector("footer")).getText().contains("MNIST"), "the footer names the served model");
    }

    @Test
    void readsANumberWrittenOnTheWideCanvas() {
        browser.get(base.resolve("number?lang=en").toString());
        writeOneHundredAndOne();

        var number = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("number")));
        assertEquals("101", number.getText());
        assertEquals(3, browser.findElements(By.cssSelector(".digits li")).size());
        Browsers.keepScreenshot(browser, "number");

        browser.findElement(By.id("clear")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("number")));
        assertEquals(0, inkedPixels(), "Clear empties the wide pad and its reading too");
    }

    /** Writes 1, 0 and 1 side by side on the number pad, then asks for the reading. */
    private void writeOneHundredAndOne() {
        var pad = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pad")));
        double[][] one = {{0.5, 0.15}, {0.5, 0.5}, {0.5, 0.85}};
        stroke(pad, shifted(one, -0.3));
        stroke(pad, shifted(zero(), 0));
        stroke(pad, shifted(one, 0.3));
        predict();
    }

    @Test
    void aNumberReadIsCorrectedFromTheKeyboardInTheFieldThatHoldsTheReading() throws Exception {
        browser.get(base.resolve("number?lang=en").toString());
        writeOneHundredAndOne();

        var field = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-number")));
        var read = browser.findElement(By.id("number")).getText();
        assertEquals(read, field.getAttribute("value"), "the field holds the number read");
        assertEquals("The right number", browser.findElement(By.cssSelector("label[for=correct-number]")).getText());
        var id = browser.findElement(By.cssSelector("#result [data-drawing]")).getAttribute("data-drawing");
        field.clear();
        field.sendKeys("171", Keys.ENTER);

        var thanks = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .thanks")));
        assertTrue(thanks.getText().contains("recorded as the number 171"), thanks.getText());
        assertEquals("171", Server.json(Server.get(base.resolve("api/predictions/" + id))).get("numberLabel"));
        Browsers.keepScreenshot(browser, "number-corrected");
    }

    @Test
    void elevenMarksOnTheNumberPadAreRefusedWithTheRealReasonInWords() {
        browser.get(base.resolve("number?lang=en").toString());
        var pad = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pad")));
        for (int mark = 0; mark < 11; mark++) {
            double x = 0.04 + mark * 0.092;
            stroke(pad, new double[][] {{x, 0.2}, {x, 0.5}, {x, 0.8}});
        }
        predict();

        var error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .error")));
        assertTrue(error.getText().startsWith("More than 10 digits: a number has at most 10."), error.getText());
    }

    @Test
    void twoDigitsOnTheDigitPadGetAQuestionMarkNotAConfidentAnswer() {
        var pad = openPage("en");
        stroke(pad, new double[][] {{0.3, 0.15}, {0.3, 0.5}, {0.3, 0.85}});
        stroke(pad, new double[][] {{0.7, 0.15}, {0.7, 0.5}, {0.7, 0.85}});
        predict();

        var reason = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".refusal .refusal-reason")));
        assertEquals("I see several digits.", reason.getText());
        assertEquals("?", recognizedDigit(), "no digit is claimed");
        var percentage = browser.findElement(By.cssSelector(".answer .confidence")).getText();
        assertTrue(percentage.startsWith("Highest probability: "), "the percentage is not called a confidence: " + percentage);
        assertTrue(browser.findElements(By.cssSelector(".feedback button.yes")).isEmpty(), "nothing to confirm");
    }

    @Test
    void aGermanOrSpanishBrowserGetsEnglish() {
        var german = Browsers.headlessChromium("de-DE,de,es");
        try {
            german.get(base.toString());
            var predict = new WebDriverWait(german, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type=submit]")));
            assertEquals("Predict", predict.getText());
            assertEquals("en", german.findElement(By.tagName("html")).getAttribute("lang"));
        } finally {
            german.quit();
        }
    }

    /** Squeezes a square-pad drawing to the 4:1 wide pad and moves it right by {@code dx} of the pad's width. */
    private static double[][] shifted(double[][] points, double dx) {
        var moved = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            moved[i] = new double[] {0.5 + (points[i][0] - 0.5) / 4 + dx, points[i][1]};
        }
        return moved;
    }

    @Test
    void worksOnAPhoneSizedScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        var pad = openPage("en");
        assertTrue(pad.getSize().getWidth() < 360, "the canvas shrinks to the screen: " + pad.getSize());
        stroke(pad, ONE);
        predict();

        assertEquals("1", recognizedDigit());
        var js = (JavascriptExecutor) browser;
        assertEquals(true, js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no horizontal scroll at 390 px");
        Browsers.keepScreenshot(browser, "phone");
    }

    @Test
    void everyPageHasAnIconTheServerServes() {
        openPage("en");
        var icon = browser.findElement(By.cssSelector("link[rel~=icon]")).getAttribute("href");
        var status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));", icon);
        assertEquals("200 image/svg+xml", status);
    }
}
