package org.autocollections.analyst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium as the page tests drive it: both binaries named, so Selenium Manager never looks for (or
 * downloads) a browser or a driver; a window of a fixed size, so screenshots compare; the browser's console kept.
 */
final class HeadlessChromium {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER);
    }

    static String notInstalled() {
        return "Chromium's WebDriver is not installed at " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
    }

    static ChromeDriver open() throws IOException {
        Files.createDirectories(SCREENSHOTS);
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
        return new ChromeDriver(service, options);
    }

    /** Signs out whoever is signed in on the analyst's page, then signs in through its form as the user named. */
    static void signIn(WebDriver driver, WebDriverWait wait, String name, String password) {
        if (!driver.findElement(test("signin-dialog")).isDisplayed()) {
            driver.findElement(test("who-action")).click(); // sign out: the form opens again
        }
        WebElement subject = wait.until(ExpectedConditions.visibilityOfElementLocated(test("signin-subject")));
        subject.clear();
        subject.sendKeys(name);
        driver.findElement(test("signin-password")).sendKeys(password);
        wait.until(ExpectedConditions.elementToBeClickable(test("signin-submit"))).click();
        wait.until(ExpectedConditions.textToBe(test("who-name"), name));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(test("signin-dialog")));
    }

    /** The element the page marks data-test="name". */
    static By test(String name) {
        return By.cssSelector("[data-test='" + name + "']");
    }

    /** One part of the page into target/screenshots/{name}.png, whole even where it is taller than the window. */
    @SuppressWarnings("unchecked")
    static void elementShot(ChromeDriver driver, WebElement element, String name) throws IOException {
        Map<String, Object> box = (Map<String, Object>) driver.executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};",
                element);
        Map<String, Object> clip = new HashMap<>(box);
        clip.put("scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
