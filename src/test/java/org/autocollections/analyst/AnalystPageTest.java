package org.autocollections.analyst;

import static io.restassured.RestAssured.given;
import org.autocollections.InBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.autocollections.portfolio.ImportFormat;
import org.autocollections.portfolio.SyntheticPortfolio;
import org.autocollections.security.Roles;
import org.autocollections.signin.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The analyst's page in a real browser (Debian's headless Chromium), as an analyst and an approver use it: a table
 * with an error is uploaded and the error shown at its cell, the corrected file revises the same draft, the draft is
 * tried out, the analyst cannot approve it herself, a second person approves and activates it, the new version
 * decides a case, and the shipped version comes back by a rollback. The journey is taken once in English (the
 * browser's language) and once in Simplified Chinese, switched on the page. A screenshot of each step is kept in
 * target/screenshots/ (a Chinese one with the suffix -zh-CN). Skipped where /usr/bin/chromedriver is not installed.
 */
@QuarkusTest
@InBrowser
class AnalystPageTest {

    private static final Path SCREENSHOTS = PageBrowser.SCREENSHOTS;
    private static final String BUCKETS = "overdue-buckets.drl.csv";

    /** Each person's password, as the operator set it with {@code user add}. */
    private static final String PASSWORD = "page-test password 1";
    /** A collector checking how the new version decides a case. */
    private static final String SAM = "sam";
    /** What a note or a cell holding markup must stay: text on the page, never a script that runs. */
    private static final String MARKUP = "<script>document.body.dataset.injected='yes'</script><img src=x onerror=\"document.body.dataset.injected='yes'\">";

    /** A cell holding markup, as a careless or hostile upload might: shown as text among the changed cells. */
    private static final String CELL_MARKUP = "31<script>document.body.dataset.injected='cell'</script>";

    @jakarta.inject.Inject
    Accounts accounts;

    @TestHTTPResource("/analyst")
    URL page;

    private PageBrowser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String shipped;
    private Words words;

    /**
     * What the page writes in one language, where the journey checks it; the last day of M6 differs per language, so
     * that each pass uploads a change no earlier pass left as a version.
     */
    private record Words(String lang, String suffix, int m6Ends, String cellA12, String draft, String error,
            String total, String row12, String approvedBy, String approve, String uploadButton, String needsFixes) {

        static Words of(String lang) {
            return switch (lang) {
                case "en" -> new Words(lang, "", 175, BUCKETS + ", cell A12", "Draft #", "error", "Total",
                        BUCKETS + ", row 12", "approved by bob", "Approve", "Upload as a new draft", "Needs fixes");
                case "zh-CN" -> new Words(lang, "-zh-CN", 174, BUCKETS + "，单元格 A12", "草稿 #", "错误", "合计",
                        BUCKETS + "，第 12 行", "由 bob 于", "审批通过", "上传为新草稿", "待修正");
                default -> throw new IllegalArgumentException(lang);
            };
        }
    }

    @BeforeEach
    void start() throws IOException {
        browser = PageBrowser.start();
        driver = browser.driver;
        wait = browser.wait;
        shipped = activeVersion();
        accounts.add("ana", List.of(Roles.ANALYST), PASSWORD);
        accounts.add("bob", List.of(Roles.APPROVER), PASSWORD);
        accounts.add(SAM, List.of(Roles.SERVICER), PASSWORD);
        // a small book of stored cases for the simulation to decide (as the nightly import would store them)
        StringWriter book = new StringWriter();
        new SyntheticPortfolio(11, LocalDate.parse("2026-11-29"), false).write(book, ImportFormat.JSONL, 300);
        given().contentType(ImportFormat.JSONL_MEDIA_TYPE)
                .body(book.toString().replace("\"SYN-", "\"PAGE-").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cases/import").then().statusCode(200);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (shipped != null && !activeVersion().equals(shipped)) {
            given().post("/api/v1/rulesets/" + shipped + "/activate").then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "en", "zh-CN" })
    void anAnalystFixesADraftAndASecondPersonPutsItInForce(String lang) throws Exception {
        words = Words.of(lang);
        Path folder = Path.of("target", "analyst-page-test");
        Files.createDirectories(folder.resolve("broken"));
        Files.createDirectories(folder.resolve("corrected"));
        String table = Files.readString(Path.of("decision-tables", BUCKETS));
        // M6 ends a few days earlier: a change no other test uploads, so no open draft already holds these files
        String edited = table.replace("151,180,M6", "151," + words.m6Ends() + ",M6")
                .replace("181,,M7+", (words.m6Ends() + 1) + ",,M7+");
        assertThat(edited).isNotEqualTo(table);
        Path broken = Files.writeString(folder.resolve("broken").resolve(BUCKETS), edited.replace("31,60,M2", CELL_MARKUP + ",60,M2"),
                StandardCharsets.UTF_8);
        Path corrected = Files.writeString(folder.resolve("corrected").resolve(BUCKETS), edited, StandardCharsets.UTF_8);

        // /analyst without the slash lands on the page, which needs no sign-in itself
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).contains("analyst/");

        driver.get(page.toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(driver.getCurrentUrl()).endsWith("/analyst/");
        // the case to try is the README's example, the very file, as the service serves it
        assertThat(find("case-json").getDomProperty("value")).isEqualTo(Files.readString(Path.of("docs/examples/case-m2.json")));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(test("signin-dialog")));
        assertThat(new Select(find("lang")).getFirstSelectedOption().getAttribute("value")).isEqualTo("en");
        if (!lang.equals("en")) {
            // the language is switched on the page; the page starts again in it, and keeps it in this browser
            click("signin-cancel");
            new Select(find("lang")).selectByValue(lang);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            assertThat(((ChromeDriver) driver).executeScript("return localStorage.getItem('collections.analyst.lang')"))
                    .isEqualTo(lang);
            dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(test("signin-dialog")));
        }
        assertThat(text("upload-submit")).isEqualTo(words.uploadButton());
        Files.write(SCREENSHOTS.resolve("01-sign-in" + words.suffix() + ".png"),
                ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        elementShot("signin-dialog", "01-sign-in-dialog"); // without an identity provider: the password form alone

        // 1. the analyst signs in with her name and password and sees who she is and the version in force
        signIn("ana");
        assertThat(dialog.isDisplayed()).isFalse();
        assertThat(text("who-roles")).isEqualTo("analyst");
        wait.until(ExpectedConditions.attributeToBe(test("active-version"), "data-version", shipped));
        WebElement activeRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-test=version-row][data-status=ACTIVE]")));
        assertThat(activeRow.getAttribute("data-version")).isEqualTo(shipped);
        assertThat(activeRow.getAttribute("class")).contains("is-active");
        screenshot("02-signed-in");
        // each shipped table is there to start an edit from, as a workbook
        assertThat(wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(test("shipped-table"), 0)))
                .extracting(WebElement::getText).anyMatch(item -> item.startsWith("overdue-buckets"));

        // 2. she uploads a table with an error; the finding is pinned to its file and cell
        find("upload-files").sendKeys(broken.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(test("upload-chosen"), BUCKETS));
        // her note holds markup: the page shows it as the text she typed, and runs none of it
        find("upload-note").sendKeys("M6 ends at day " + words.m6Ends() + " " + MARKUP);
        click("upload-submit");
        wait.until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "DRAFT"));
        String draftId = find("details").getAttribute("data-id");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test=finding][data-severity=ERROR][data-cell=A12]")));
        assertThat(error.findElement(By.cssSelector("[data-test=finding-location]")).getText()).isEqualTo(words.cellA12());
        assertThat(find("upload-result").getText()).contains(words.draft() + draftId).contains(words.error());
        assertThat(text("details-status")).isEqualTo(words.needsFixes());
        assertThat(versionRow(draftId).getAttribute("data-status")).isEqualTo("DRAFT");
        assertThat(find("details").getText()).contains(MARKUP).contains(CELL_MARKUP);
        assertThat(driver.findElements(By.cssSelector("[data-test=details] script, [data-test=details] img"))).isEmpty();
        assertThat(find("details").getAttribute("data-injected")).isNull();
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-injected")).isNull();
        screenshot("03-error-at-cell");
        elementShot("details-card", "03-error-at-cell-details");

        // 3. she uploads the corrected file: the same draft, now checked clean, shows the cells it changes
        find("revise-files").sendKeys(corrected.toAbsolutePath().toString());
        find("revise-note").sendKeys("day count, not text");
        click("revise-submit");
        // the revision compiles and validates a whole ruleset: on a busy machine that alone can take over half a minute
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "VALIDATED"));
        assertThat(find("details").getAttribute("data-id")).isEqualTo(draftId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(test("no-findings")));
        List<WebElement> cells = driver.findElements(By.cssSelector("[data-test=changed-cell]"));
        assertThat(cells).extracting(c -> c.getAttribute("data-cell")).contains("B16", "A17");
        String draftVersion = find("details").getAttribute("data-version");
        screenshot("04-corrected");
        elementShot("details-card", "04-corrected-details");

        // 4. four eyes: she cannot approve her own draft
        assertThat(find("approve").isEnabled()).isFalse();
        assertThat(find("why-approve").getText()).startsWith(words.approve()).isNotEqualTo(words.approve() + ":");
        assertThat(find("activate").isEnabled()).isFalse();
        elementShot("actions", "04-four-eyes");

        // 5. she tries it out: regression cases, then a simulation on a sample of the stored cases
        click("regression-run");
        wait.until(ExpectedConditions.visibilityOfElementLocated(test("regression-summary")));
        // one simulation runs at a time in a service: let one another test left running end first
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> given().get("/api/v1/rulesets/simulations?limit=50")
                .then().statusCode(200).extract().response().asString().indexOf("\"RUNNING\"") < 0);
        find("sim-sample").sendKeys("200");
        click("sim-start");
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=sim-report] svg")),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=sim-progress][data-status=FAILED]"))));
        assertThat(driver.findElements(By.cssSelector("[data-test=sim-progress][data-status=FAILED]")))
                .as("the simulation failed: %s", text("sim-status")).isEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-test=sim-report] svg.chart"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(find("sim-transitions").getText()).contains(words.total());
        assertThat(find("sim-loss").getText()).contains("CNY");
        assertThat(driver.findElements(test("sim-download"))).hasSize(1);
        screenshot("05-tried-out");
        elementShot("simulation", "05-simulation");

        // she tries the example case on her draft: decided by the draft's version, and nothing is recorded
        long records = recordedDecisions();
        new Select(find("decide-with")).selectByValue(draftVersion);
        click("decide-button");
        wait.until(ExpectedConditions.attributeToBe(test("decision-version"), "data-version", draftVersion));
        assertThat(find("decision-reasons").getText()).contains(words.row12());
        assertThat(find("decision-next-action").getAttribute("data-action")).isEqualTo(nextActionOf(draftVersion));
        assertThat(recordedDecisions()).isEqualTo(records);

        // 6. the approver signs in, approves and puts the draft in force
        signIn("bob");
        versionRow(draftId).click();
        wait.until(ExpectedConditions.attributeToBe(test("details"), "data-id", draftId));
        wait.until(ExpectedConditions.elementToBeClickable(test("approve")));
        find("action-note").sendKeys("checked the M6/M7 boundary with ana");
        click("approve");
        wait.until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "APPROVED"));
        assertThat(find("details-meta").getText()).contains(words.approvedBy());
        screenshot("06-approved");
        wait.until(ExpectedConditions.elementToBeClickable(test("activate")));
        click("activate");
        wait.until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "ACTIVE"));
        wait.until(ExpectedConditions.attributeToBe(test("active-version"), "data-version", draftVersion));
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("tr[data-test=version-row][data-id='" + draftId + "']"), "data-status", "ACTIVE"));
        assertThat(activeVersion()).isEqualTo(draftVersion);
        screenshot("07-in-force");

        // 7. the new version decides a case
        signIn(SAM);
        click("decide-button");
        wait.until(ExpectedConditions.attributeToBe(test("decision-version"), "data-version", draftVersion));
        assertThat(find("decision-next-action").getAttribute("data-action")).isEqualTo(nextActionOf(draftVersion));
        assertThat(text("decision-bucket")).contains("M2");
        assertThat(driver.findElements(By.cssSelector("[data-test=decision-reason]"))).isNotEmpty();
        assertThat(find("decision-reasons").getText()).contains(words.row12());
        if (lang.equals("zh-CN")) {
            // the service words the full trace's reasons in the page's language
            assertThat(driver.findElement(By.cssSelector("[data-test=decision-reason][data-code=BUCKET_M2]")).getText())
                    .contains("逾期").contains("M2阶段");
        }
        elementShot("decide", "08-decision");

        // 8. the approver rolls back to the shipped version
        signIn("bob");
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("tr[data-test=version-row][data-version='" + shipped + "'][data-status=RETIRED]"),
                "data-status", "RETIRED"));
        driver.findElement(By.cssSelector("tr[data-test=version-row][data-version='" + shipped + "'][data-status=RETIRED]")).click();
        wait.until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "RETIRED"));
        wait.until(ExpectedConditions.elementToBeClickable(test("rollback")));
        find("action-note").sendKeys("back to the shipped policy after the test");
        click("rollback");
        wait.until(ExpectedConditions.attributeToBe(test("active-version"), "data-version", shipped));
        wait.until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "ACTIVE"));
        assertThat(activeVersion()).isEqualTo(shipped);
        screenshot("09-rolled-back");
        elementShot("versions", "09-versions");

        // the whole journey ran under the page's Content-Security-Policy without the browser refusing anything
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    }

    /** Signs out whoever is signed in, then signs in through the form as the user named. */
    private void signIn(String name) {
        browser.signIn(name, PASSWORD);
        if (!name.equals(SAM)) { // a servicer reads no versions
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-test=version-row]")));
        }
    }

    private WebElement versionRow(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-test=version-row][data-id='" + id + "']")));
    }

    private static By test(String name) {
        return PageBrowser.test(name);
    }

    private WebElement find(String name) {
        return browser.find(name);
    }

    private String text(String name) {
        return browser.text(name);
    }

    private void click(String name) {
        browser.click(name);
    }

    /** The whole page, beyond the window's height, as the reader would scroll through it. */
    private void screenshot(String step) throws IOException {
        String name = step + words.suffix();
        Number width = (Number) ((ChromeDriver) driver).executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) ((ChromeDriver) driver).executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** One part of the page, whole even where it is taller than the window. */
    private void elementShot(String test, String step) throws IOException {
        browser.elementShot(test, step + words.suffix());
    }

    private static String activeVersion() {
        return given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }

    /** The next action the API gives for the page's case (the README's example) on the version. */
    private static String nextActionOf(String version) throws IOException {
        String type = given().contentType("application/json").body(Files.readString(Path.of("docs/examples/case-m2.json")))
                .post("/api/v1/rulesets/" + version + "/decisions").then().statusCode(200).extract().path("nextAction.type");
        assertThat(type).isNotBlank();
        return type;
    }

    /** Decision records in the database: a trial on a version must add none. */
    private static long recordedDecisions() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.autocollections.audit.DecisionRecord.count());
    }
}
