package org.autocollections.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving the analyst's page as a person would: elements found by their data-test names,
 * people signed in through the page's form, and screenshots kept in target/screenshots/. A test that makes one is
 * skipped where /usr/bin/chromedriver is not installed. Public for the pages other packages serve, such as signing in
 * at the lender's identity provider.
 */
public final class PageBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public final ChromeDriver driver;
    public final WebDriverWait wait;

    private PageBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** A browser with an English-speaking user's settings and a 1280 x 900 window. */
    public static PageBrowser start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "Chromium's WebDriver is not installed at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        // Both binaries named, so Selenium Manager never looks for (or downloads) a browser or a driver.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=en-GB", "--no-first-run",
                "--disable-extensions", "--disable-background-networking");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new PageBrowser(new ChromeDriver(service, options));
    }

    /** The browser's console, printed for whoever reads a failed run's log. */
    List<String> console() {
        List<String> lines = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
        lines.forEach(line -> System.out.println("browser console: " + line));
        return lines;
    }

    @Override
    public void close() {
        try {
            console();
        } catch (RuntimeException e) {
            // the log is a help for debugging only
        }
        driver.quit();
    }

    public static By test(String name) {
        return By.cssSelector("[data-test='" + name + "']");
    }

    public WebElement find(String name) {
        return driver.findElement(test(name));
    }

    public String text(String name) {
        return find(name).getText();
    }

    public void click(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(test(name))).click();
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Signs out whoever is signed in, then signs in through the form as the user named. */
    void signIn(String name, String password) {
        if (!find("signin-dialog").isDisplayed()) {
            click("who-action"); // sign out: the form opens again
        }
        WebElement subject = wait.until(ExpectedConditions.visibilityOfElementLocated(test("signin-subject")));
        subject.clear();
        subject.sendKeys(name);
        find("signin-password").sendKeys(password);
        click("signin-submit");
        wait.until(ExpectedConditions.textToBe(test("who-name"), name));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(test("signin-dialog")));
        assertThat(driver.executeScript("return document.cookie")).as("the session cookie is out of scripts' reach")
                .isEqualTo("");
    }

    /** One part of the page, whole even where it is taller than the window. */
    @SuppressWarnings("unchecked")
    public Path elementShot(String test, String name) throws IOException {
        Map<String, Object> box = (Map<String, Object>) driver.executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};",
                find(test));
        Map<String, Object> clip = new HashMap<>(box);
        clip.put("scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }
}
