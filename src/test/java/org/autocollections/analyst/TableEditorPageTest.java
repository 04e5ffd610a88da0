package org.autocollections.analyst;

import static io.restassured.RestAssured.given;
import org.autocollections.InBrowser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.analyst.PageBrowser.test;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.autocollections.portfolio.ImportFormat;
import org.autocollections.portfolio.SyntheticPortfolio;
import org.autocollections.security.Roles;
import org.autocollections.signin.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The table editor of the analyst's page in a real browser: the analyst opens the overdue buckets in force, makes M2
 * start a day late, and the service's checks pin the gap to the very cell as she types; she closes the gap with the
 * keyboard, saves the edit as a draft, tries it on the stored cases, and a second person approves it. The version in
 * force is never changed (the draft is withdrawn at the end), so other tests find the shipped policy. Its screenshot of
 * the gap at the cell (target/screenshots/editor-01-gap-at-cell.png) is the analyst's guide's picture
 * (docs/images/table-editor.png).
 */
@QuarkusTest
@InBrowser
class TableEditorPageTest {

    private static final String PASSWORD = "page-test password 1";
    private static final String MARKUP = "<script>document.body.dataset.injected='cell'</script>";

    @jakarta.inject.Inject
    Accounts accounts;

    @TestHTTPResource("/analyst")
    URL page;

    private PageBrowser browser;
    private String shipped;
    private String draftId;

    @BeforeEach
    void start() throws IOException {
        browser = PageBrowser.start();
        shipped = activeVersion();
        accounts.add("ana", List.of(Roles.ANALYST), PASSWORD);
        accounts.add("bob", List.of(Roles.APPROVER), PASSWORD);
        // a small book of stored cases for the simulation to decide
        StringWriter book = new StringWriter();
        new SyntheticPortfolio(17, LocalDate.parse("2026-11-29"), false).write(book, ImportFormat.JSONL, 150);
        given().contentType(ImportFormat.JSONL_MEDIA_TYPE)
                .body(book.toString().replace("\"SYN-", "\"EDIT-").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cases/import").then().statusCode(200);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (draftId != null) {
            // withdrawn, so no later upload of the same table is refused as a duplicate of an open draft
            given().contentType("application/json").body("{\"note\":\"end of the editor test\"}")
                    .post("/api/v1/rulesets/drafts/" + draftId + "/reject");
        }
        assertThat(activeVersion()).as("the version in force is the shipped one").isEqualTo(shipped);
    }

    @Test
    void anAnalystClosesAGapShowsAtItsCellSavesTriesAndASecondPersonApproves() throws Exception {
        browser.driver.get(page.toString());
        browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        browser.signIn("ana", PASSWORD);

        // 1. she opens the overdue buckets of the version in force: code rows are shown, only data cells are cells
        String activeId = browser.visible("tr[data-test=version-row][data-status=ACTIVE]").getAttribute("data-id");
        browser.wait.until(d -> new Select(browser.find("editor-version")).getOptions().size() > 0);
        new Select(browser.find("editor-version")).selectByValue(activeId);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-test=editor-table] option[value=overdue-buckets]")));
        new Select(browser.find("editor-table")).selectByValue("overdue-buckets");
        browser.click("editor-open");
        WebElement m2From = cell("A12");
        assertThat(m2From.getText()).isEqualTo("31");
        assertThat(browser.driver.findElements(By.cssSelector("td[data-cell=A8][data-test=editor-cell]")))
                .as("the snippet row is code, not an editable cell").isEmpty();
        assertThat(browser.text("editor-grid")).contains("daysPastDue >= $param", "From day", "M7+");

        // 2. M2 starts at day 32: the checks find the gap at day 31 and pin it to the cell she typed in
        m2From.click();
        keys("32", Keys.ENTER);
        // each check compiles a whole ruleset: on a busy machine that can take a minute or two
        WebDriverWait checks = new WebDriverWait(browser.driver, Duration.ofSeconds(300));
        checks.withMessage(() -> "the checks say: " + browser.text("editor-check") + "; " + browser.text("editor-result"));
        WebElement gap = checks.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("td[data-cell=A12][data-kind=RANGE_GAP]")));
        assertThat(gap.getAttribute("data-severity")).isEqualTo("WARNING");
        assertThat(gap.getAttribute("class")).contains("changed");
        assertThat(browser.find("editor-changes").getText()).isEqualTo("1 cell changed");
        browser.visible("[data-test=editor-finding][data-cell=A12][data-kind=RANGE_GAP]");
        cell("A12").click();
        assertThat(browser.text("editor-cell-note")).startsWith("A12").contains("31");
        browser.elementShot("editor-card", "editor-01-gap-at-cell");

        // Escape leaves a cell as it was, and undo takes back the last change
        keys(Keys.ENTER, "99", Keys.ESCAPE);
        assertThat(cell("A12").getText()).isEqualTo("32");
        // a cell holding markup shows it as the text typed, and runs none of it
        keys(Keys.ARROW_UP, Keys.ARROW_RIGHT, MARKUP, Keys.ENTER);
        assertThat(cell("B11").getText()).isEqualTo(MARKUP);
        assertThat(browser.driver.findElements(By.cssSelector("[data-test=editor-grid] script"))).isEmpty();
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("data-injected")).isNull();
        browser.click("editor-undo");
        assertThat(cell("B11").getText()).isEqualTo("30");

        // 3. she closes the gap from the keyboard: M1 ends at day 31, and the checks find nothing
        cell("B11").click();
        keys("31", Keys.ENTER);
        checks.until(ExpectedConditions.attributeToBe(test("editor-check"), "data-state", "clean"));
        assertThat(browser.driver.findElements(By.cssSelector("td[data-severity]"))).isEmpty();
        assertThat(browser.find("editor-changes").getText()).isEqualTo("2 cells changed");
        assertThat(browser.driver.findElements(By.cssSelector("td.changed"))).extracting(c -> c.getAttribute("data-cell"))
                .containsExactlyInAnyOrder("B11", "A12");

        // 4. saved as a new draft: checked clean, shown in the card of the selected version, with its changed cells
        browser.find("editor-note").sendKeys("M2 starts at day 32 <script>document.body.dataset.injected='yes'</script>");
        browser.click("editor-save-new");
        new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "VALIDATED"));
        draftId = browser.find("details").getAttribute("data-id");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test=changed-cell]")))
                .extracting(c -> c.getAttribute("data-cell")).containsExactlyInAnyOrder("B11", "A12");
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("data-injected")).isNull();
        // the editor goes on with the draft it saved, so a further save revises it
        browser.wait.until(ExpectedConditions.attributeToBe(test("editor"), "data-id", draftId));
        assertThat(browser.find("editor-save-revision").isDisplayed()).isTrue();

        // 5. she tries the draft on the stored cases with the page's simulation
        new WebDriverWait(browser.driver, Duration.ofSeconds(180)).until(d -> given().get("/api/v1/rulesets/simulations?limit=50")
                .then().statusCode(200).extract().response().asString().indexOf("\"RUNNING\"") < 0);
        browser.find("sim-sample").sendKeys("100");
        browser.click("sim-start");
        new WebDriverWait(browser.driver, Duration.ofSeconds(180)).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=sim-report] svg")),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=sim-progress][data-status=FAILED]"))));
        assertThat(browser.driver.findElements(By.cssSelector("[data-test=sim-progress][data-status=FAILED]")))
                .as("the simulation failed: %s", browser.text("sim-status")).isEmpty();

        // 6. a second person approves it
        browser.signIn("bob", PASSWORD);
        browser.visible("tr[data-test=version-row][data-id='" + draftId + "']").click();
        browser.wait.until(ExpectedConditions.attributeToBe(test("details"), "data-id", draftId));
        browser.find("action-note").sendKeys("the M1/M2 boundary checked with ana");
        browser.click("approve");
        browser.wait.until(ExpectedConditions.attributeToBe(test("details-status"), "data-status", "APPROVED"));
        assertThat(activeVersion()).as("approved, not put in force").isEqualTo(shipped);
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    }

    private WebElement cell(String ref) {
        return browser.visible("td[data-test=editor-cell][data-cell=" + ref + "]");
    }

    /** Keys as the user types them, to whatever has the focus. */
    private void keys(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private static String activeVersion() {
        return given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }
}
