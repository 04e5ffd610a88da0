package org.autocollections.analyst;

import static io.restassured.RestAssured.given;
import org.autocollections.InBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.autocollections.signin.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A champion/challenger experiment on the analyst's page, in headless Chromium, from proposal to promotion: a team
 * lead proposes one with a challenger version and is refused when she approves it herself; an approver approves and
 * starts it; stored cases are decided in their arms and some of them pay; the report shows each arm's counts and
 * rates, the verdict the service words, a chart of the rates with their intervals and a CSV; the approver promotes
 * the challenger, whose version is then in force. The shipped version is put back at the end. A screenshot of the
 * report is kept in target/screenshots/. Skipped where /usr/bin/chromedriver is not installed.
 */
@QuarkusTest
@InBrowser
class ExperimentsPageTest {

    private static final String PASSWORD = "experiment-page password 1";
    /** A team lead holding both roles: she may approve experiments, but never her own. */
    private static final String LEE = "lee";
    private static final String BOB = "bob";
    /** The arm the page names its one challenger. */
    private static final String ARM = "challenger";
    private static final String ANALYST = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
    private static final String APPROVER = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.APPROVER).subject(BOB).upn(BOB)));

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @TestHTTPResource("/analyst")
    URL page;

    private PageBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private String shipped;

    @BeforeEach
    void start() throws IOException {
        shipped = activeVersion();
        accounts.add(LEE, List.of(Roles.ANALYST, Roles.APPROVER), PASSWORD);
        accounts.add(BOB, List.of(Roles.APPROVER), PASSWORD);
        browser = PageBrowser.start();
        driver = browser.driver;
        wait = browser.wait;
    }

    /** Other test classes share the service: no experiment is left live, and the shipped policy serves again. */
    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (shipped == null) {
            return;
        }
        for (String status : List.of("RUNNING", "PAUSED")) {
            for (Integer id : given().header("Authorization", APPROVER).queryParam("status", status)
                    .get("/api/v1/experiments").then().statusCode(200).extract().jsonPath().getList("id", Integer.class)) {
                given().header("Authorization", APPROVER).contentType("application/json").body("{}")
                        .post("/api/v1/experiments/" + id + "/stop").then().statusCode(200);
            }
        }
        if (!activeVersion().equals(shipped)) {
            given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + shipped + "/activate").then().statusCode(200);
        }
    }

    @Test
    void anExperimentIsProposedApprovedStartedReadAndItsChallengerPromoted() throws IOException {
        String challenger = approvedVersion();
        driver.get(page.toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));

        // 1. the lead proposes the challenger on half the cases
        signIn(LEE);
        String name = "Higher penalty, page journey " + challenger.substring(0, 6);
        find("experiment-name").sendKeys(name);
        find("experiment-version").sendKeys(challenger);
        find("experiment-share").clear();
        find("experiment-share").sendKeys("50");
        click("experiment-propose");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(test("experiment-proposal"), "proposed"));
        long id = given().header("Authorization", APPROVER).get("/api/v1/experiments").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.name == '" + name + "' }.id");
        WebElement row = experimentRow(id, "PROPOSED");
        assertThat(row.getText()).contains(name, "Proposed", "champion 50 %", ARM + " 50 % (" + challenger.substring(0, 16) + ")");

        // 2. four eyes: she cannot approve her own proposal, and the page says why in words
        row.findElement(test("experiment-approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(test("experiments-message"), "Four-eyes rule"));
        assertThat(text("experiments-message")).contains("Experiment " + id + " was proposed by " + LEE)
                .contains("a second person must approve it");
        experimentRow(id, "PROPOSED");

        // 3. the approver approves and starts it (the start runs the compliance corpus on the challenger)
        signIn(BOB);
        experimentRow(id, "PROPOSED").findElement(test("experiment-approve")).click();
        experimentRow(id, "APPROVED").findElement(test("experiment-start")).click();
        row = new WebDriverWait(driver, Duration.ofSeconds(300)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-test=experiment-row][data-id='" + id + "'][data-status=RUNNING]")));
        assertThat(row.findElement(test("experiment-status")).getText()).isEqualTo("Running");

        // 4. stored cases are decided in their arms; every challenger case pays its arrears, one champion case does
        Map<String, Integer> paid = decideStoredCases(id);

        // 5. the report a month on: each arm's counts, the service's verdict, the chart and the CSV
        row.findElement(test("experiment-report-open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(test("experiment-report")));
        LocalDate monthOn = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(31);
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1]", find("report-as-of"), monthOn.toString());
        new Select(find("report-window")).selectByValue("P30D");
        find("report-lift").clear();
        find("report-lift").sendKeys("10");
        click("report-show");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(test("report-intro"), "10 points"));
        JsonPath report = given().header("Authorization", APPROVER).queryParam("asOf", monthOn + "T23:59:59Z")
                .queryParam("liftPoints", "10").get("/api/v1/experiments/" + id + "/report").then().statusCode(200)
                .extract().jsonPath();
        for (String arm : List.of("champion", ARM)) {
            List<WebElement> cells = find("report-arm", arm).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).startsWith(arm);
            assertThat(cells.get(1).getText()).as("%s assigned", arm)
                    .isEqualTo(report.getString("arms.find { it.arm == '" + arm + "' }.assigned"));
            assertThat(cells.get(4).getText()).as("%s cured", arm).startsWith(paid.get(arm) + " · ");
        }
        String verdict = report.getString("challengers[0].verdict.en");
        assertThat(verdict).startsWith(ARM + " cures ").contains(" pts more than champion (95 % CI ");
        assertThat(find("report-challenger", ARM).findElement(test("report-verdict")).getText()).isEqualTo(verdict);
        assertThat(driver.findElements(By.cssSelector("[data-test=report-difference]"))).hasSize(6);
        assertThat(find("report-challenger", ARM).findElement(By.cssSelector("[data-measure=CURE_RATE]")).getText())
                .startsWith("Cure rate").contains(" pts to ");
        // the chart: a cure bar and a roll-forward bar per arm, each with its interval; the challenger cures more
        List<WebElement> cureBars = driver.findElements(By.cssSelector("[data-test=report-chart] svg rect.bar.bar-cure"));
        assertThat(cureBars).extracting(b -> b.getAttribute("data-arm")).containsExactly("champion", ARM);
        assertThat(Double.parseDouble(cureBars.get(1).getAttribute("data-value")))
                .isGreaterThan(Double.parseDouble(cureBars.get(0).getAttribute("data-value")));
        // unpaid champion cases roll forward; no challenger case does
        List<WebElement> rollBars = driver.findElements(By.cssSelector("[data-test=report-chart] svg rect.bar.bar-roll"));
        assertThat(rollBars).extracting(b -> Double.parseDouble(b.getAttribute("data-value")))
                .satisfiesExactly(champion -> assertThat(champion).isPositive(), arm -> assertThat(arm).isZero());
        assertThat(driver.findElements(By.cssSelector("[data-test=report-chart] svg g.interval"))).hasSize(4);
        // the CSV link downloads with the session's cookie, the same question as the table's
        String href = find("report-csv").getAttribute("href");
        assertThat(href).contains("/api/v1/experiments/" + id + "/report?").contains("format=csv").contains("liftPoints=10");
        Object csv = ((ChromeDriver) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));",
                href);
        assertThat((String) csv).contains("champion").contains(ARM);
        browser.elementShot("experiments", "10-experiment-report");

        // 6. the approver promotes the challenger: its version is in force and the experiment stops
        row = experimentRow(id, "RUNNING");
        new Select(row.findElement(test("experiment-promote-arm"))).selectByValue(ARM);
        row.findElement(test("experiment-promote")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(test("experiments-message"), "promoted"));
        assertThat(experimentRow(id, "STOPPED").findElement(test("experiment-status")).getText()).isEqualTo("Stopped");
        assertThat(activeVersion()).isEqualTo(challenger);
        browser.elementShot("experiments", "11-experiment-promoted");

        // the whole journey ran under the page's Content-Security-Policy without the browser refusing anything
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(line -> line.contains("Content Security Policy"));

        // the shipped version comes back by a rollback, as an approver would after the test
        given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + shipped + "/activate").then().statusCode(200);
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    /**
     * Stores and decides cases until each arm has three or more; every challenger case pays, and one champion case. The
     * cases fell due 20 days ago (M1), so one not paid rolls forward (to M2) within the month. Returns the cases paid per arm.
     */
    private Map<String, Integer> decideStoredCases(long id) {
        Map<String, Integer> decided = new HashMap<>();
        Map<String, Integer> paid = new HashMap<>(Map.of("champion", 0, ARM, 0));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 0; Math.min(decided.getOrDefault("champion", 0), decided.getOrDefault(ARM, 0)) < 3; i++) {
            assertThat(i).as("both arms get cases").isLessThan(60);
            String caseId = "PAGE-EXP-" + id + "-" + i;
            ObjectNode stored = Cases.withDueDate(caseId, today.minusDays(20).toString());
            stored.remove("history");
            stored.remove("asOf");
            Cases.object(stored, "loan").put("overdueAmount", 1000.00).put("monthlyInstalment", 1000.00);
            given().contentType("application/json").body(stored.toString()).put("/api/v1/cases/" + caseId)
                    .then().statusCode(201);
            String arm = given().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                    .extract().path("experiment.arm");
            decided.merge(arm, 1, Integer::sum);
            if (arm.equals(ARM) || paid.get(arm) == 0) {
                given().contentType("application/json")
                        .body("{\"paymentId\": \"" + caseId + "-p\", \"on\": \"" + today.plusDays(2) + "\", \"amount\": 5000.00}")
                        .post("/api/v1/cases/" + caseId + "/payments").then().statusCode(201); // a new payment of a new case
                paid.merge(arm, 1, Integer::sum);
            }
        }
        return paid;
    }

    /** The challenger: a penalty multiplier no other test uploads, by ana, approved by bob. */
    private static String approvedVersion() throws IOException {
        String edited = Files.readString(Path.of("decision-tables", "penalty-interest.drl.csv"))
                .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.59,");
        JsonPath draft = given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 300_000))).header("Authorization", ANALYST)
                .multiPart("files", "penalty-interest.drl.csv", edited.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).extract().jsonPath();
        given().header("Authorization", APPROVER).post("/api/v1/rulesets/drafts/" + draft.getLong("draft.id") + "/approve")
                .then().statusCode(200);
        return draft.getString("draft.version");
    }

    private void signIn(String name) {
        browser.signIn(name, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-test=version-row]")));
    }

    private WebElement experimentRow(long id, String status) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-test=experiment-row][data-id='" + id + "'][data-status=" + status + "]")));
    }

    private static By test(String name) {
        return PageBrowser.test(name);
    }

    private WebElement find(String name) {
        return browser.find(name);
    }

    private WebElement find(String name, String arm) {
        return driver.findElement(By.cssSelector("[data-test='" + name + "'][data-arm='" + arm + "']"));
    }

    private String text(String name) {
        return browser.text(name);
    }

    private void click(String name) {
        browser.click(name);
    }

    private static String activeVersion() {
        return given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }
}
