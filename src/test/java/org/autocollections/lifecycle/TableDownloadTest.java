package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.lifecycle.PolicyEdits.ANALYST;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An analyst downloads a table of the active version as a workbook, edits it in Excel and uploads it: the workbook
 * replaces the CSV file of the same name, and only the edited cell differs.
 */
@QuarkusTest
class TableDownloadTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @AfterEach
    void withdrawDrafts() {
        // drafts left open would make the same upload a duplicate in the next test
        given().get("/api/v1/rulesets/drafts?status=VALIDATED").then().extract().jsonPath().getList("id", Long.class)
                .forEach(id -> PolicyEdits.step(ANALYST, id, "reject"));
    }

    @Test
    void aTableDownloadedAsAWorkbookComesBackUnchangedAndAnEditShowsAsOneCell() throws Exception {
        String version = PolicyEdits.activeVersion();
        byte[] workbook = given().get("/api/v1/rulesets/" + version + "/tables/penalty-interest?format=xlsx")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("penalty-interest.drl.xlsx"))
                .extract().asByteArray();

        // unchanged, the workbook is the same table: the draft changes no cell
        given().header("Authorization", ANALYST).multiPart("files", "penalty-interest.drl.xlsx", workbook, XLSX)
                .post("/api/v1/rulesets/drafts").then().statusCode(201)
                .body("draft.status", equalTo("VALIDATED"))
                .body("findings.size()", equalTo(0))
                .body("changes[0].replaces", equalTo("decision-tables/penalty-interest.drl.csv"))
                .body("changes[0].cellsChanged", equalTo(0));

        // the analyst changes one cell in Excel: the multiplier (row 10, column B) from 1.5 to 1.45
        String sheet;
        byte[] edited;
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = book.getSheetAt(0);
            sheet = first.getSheetName();
            Cell multiplier = first.getRow(9).getCell(1);
            assertThat(new DataFormatter().formatCellValue(multiplier)).isEqualTo("1.5");
            multiplier.setCellValue("1.45");
            book.write(out);
            edited = out.toByteArray();
        }
        given().header("Authorization", ANALYST).multiPart("files", "penalty-interest.drl.xlsx", edited, XLSX)
                .post("/api/v1/rulesets/drafts").then().statusCode(201)
                .body("draft.status", equalTo("VALIDATED"))
                .body("changes", hasSize(1))
                .body("changes[0].replaces", equalTo("decision-tables/penalty-interest.drl.csv"))
                .body("changes[0].cellsChanged", equalTo(1))
                .body("changes[0].cells", hasSize(1))
                .body("changes[0].cells[0].sheet", equalTo(sheet))
                .body("changes[0].cells[0].row", equalTo(10))
                .body("changes[0].cells[0].column", equalTo("B"))
                .body("changes[0].cells[0].before", equalTo("1.5"))
                .body("changes[0].cells[0].after", equalTo("1.45"));

        byte[] csv = given().get("/api/v1/rulesets/" + version + "/tables/penalty-interest.drl.xlsx?format=csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("penalty.rateMultiplier,1.5,");
    }

    @Test
    void theShippedTablesComeAsGuidedWorkbooksThatUploadUnchanged() throws Exception {
        byte[] workbook = given().get("/api/v1/rulesets/shipped/tables/overdue-buckets?format=xlsx")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("overdue-buckets.drl.xlsx"))
                .extract().asByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getProtect()).as("code rows locked").isTrue();
            assertThat(sheet.getRow(7).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(sheet.getRow(9).getCell(0).getCellStyle().getLocked()).isFalse();
            assertThat(book.getSheet("Notes 说明")).isNotNull();
        }
        given().header("Authorization", ANALYST).multiPart("files", "overdue-buckets.drl.xlsx", workbook, XLSX)
                .post("/api/v1/rulesets/drafts").then().statusCode(201)
                .body("draft.status", equalTo("VALIDATED"))
                .body("findings.size()", equalTo(0))
                .body("changes[0].replaces", equalTo("decision-tables/overdue-buckets.drl.csv"))
                .body("changes[0].cellsChanged", equalTo(0));
    }

    @Test
    void unknownVersionsTablesAndFormatsAreProblems() {
        String version = PolicyEdits.activeVersion();
        given().get("/api/v1/rulesets/0000000000000000/tables/penalty-interest").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/ruleset-version-not-found"));
        given().get("/api/v1/rulesets/" + version + "/tables/no-such-table").then().statusCode(404)
                .body("detail", containsString("penalty-interest.drl.csv"));
        given().get("/api/v1/rulesets/" + version + "/tables/penalty-interest?format=pdf").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }
}
