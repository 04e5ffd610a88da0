package org.autocollections.regression;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An analyst's regression run before approving a draft: the shipped golden corpus and their own scenario sheets
 * (CSV and Excel), decided with the candidate ruleset, every mismatch reported with expected and actual.
 */
@QuarkusTest
class RegressionTest {

    private static final String PATH = "/api/v1/rulesets/regressions";
    private static final String SHEET = """
            scenario,base,borrower.hardship,history.brokenPromises,expect:/overdue/bucket,expect:/nextAction/type
            documented case,case-m2.json,,,M2,OFFER_REPAYMENT_PLAN
            expects the wrong action,,NONE,0,M2,FILE_LAWSUIT
            """;

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetArchive archive;

    @Inject
    PolicyConfig config;

    private String candidate() {
        return Candidates.m2EndsAtDay44(active, archive, config);
    }

    @Test
    void theCorpusPassesOnTheActiveRuleset() {
        JsonPath report = given().contentType(ContentType.JSON)
                .body("{\"candidate\":\"" + active.current().version() + "\"}").post(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("candidate")).isEqualTo(active.current().version());
        assertThat(report.getInt("corpus.passed")).isGreaterThanOrEqualTo(140);
        assertThat(report.getInt("failed")).as(report.prettify()).isZero();
        assertThat(report.getInt("passed")).isEqualTo(report.getInt("total"));
        assertThat(report.getList("failures")).isEmpty();
    }

    @Test
    void anEditedTableMakesNamedCorpusCasesFailWithExpectedAndActual() {
        JsonPath report = given().contentType(ContentType.JSON).body("{\"candidate\":\"" + candidate() + "\"}")
                .post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("candidate")).isEqualTo(candidate());
        assertThat(report.getInt("corpus.failed")).isPositive();
        assertThat(report.getInt("passed") + report.getInt("failed")).isEqualTo(report.getInt("total"));
        List<Map<String, Object>> failures = report.getList("failures");
        assertThat(failures).anySatisfy(f -> {
            assertThat(f).containsEntry("source", "corpus").containsEntry("name", "m2-illness-offered-plan.json")
                    .containsEntry("pointer", "/overdue/bucket").containsEntry("expected", "M2").containsEntry("actual", "M3");
        });
        assertThat(failures).as("every failure names its case and what was expected")
                .allSatisfy(f -> assertThat(f).containsKeys("source", "name"));
    }

    @Test
    void aCsvScenarioSheetWithOneFailingRow() {
        JsonPath report = given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "my-scenarios.csv", SHEET.getBytes(), "text/csv")
                .post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("scenarios.passed")).isEqualTo(1);
        assertThat(report.getInt("scenarios.failed")).isEqualTo(1);
        assertThat(report.getInt("corpus.failed")).isZero();
        List<Map<String, Object>> failures = report.getList("failures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).containsEntry("source", "my-scenarios.csv").containsEntry("name", "expects the wrong action")
                .containsEntry("row", 3).containsEntry("pointer", "/nextAction/type").containsEntry("expected", "FILE_LAWSUIT");
        assertThat(failures.get(0).get("actual")).isNotNull().isNotEqualTo("FILE_LAWSUIT");
    }

    @Test
    void anExcelScenarioSheetWithOneFailingRow() throws Exception {
        byte[] workbook = xlsx(List.of(
                List.of("scenario", "loan.oldestUnpaidDueDate", "loan.overdueAmount", "expect:/overdue/daysPastDue", "expect:/overdue/bucket"),
                List.of("day 61", "2026-09-29", 4300, 61, "M3"),
                List.of("day 61 said to be M2", "2026-09-29", 4300.5, 61, "M2")));
        JsonPath report = given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "desk.xlsx", workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("scenarios.passed")).isEqualTo(1);
        assertThat(report.getInt("scenarios.failed")).isEqualTo(1);
        List<Map<String, Object>> failures = report.getList("failures");
        assertThat(failures).singleElement().satisfies(f -> assertThat(f).containsEntry("source", "desk.xlsx")
                .containsEntry("row", 3).containsEntry("pointer", "/overdue/bucket").containsEntry("expected", "M2")
                .containsEntry("actual", "M3"));
    }

    @Test
    void theShippedExampleSheetPassesOnTheActiveRuleset() throws Exception {
        JsonPath report = given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "scenarios.csv", Files.readAllBytes(Path.of("docs/examples/scenarios.csv")), "text/csv")
                .post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("scenarios.passed")).as(report.prettify()).isEqualTo(4);
        assertThat(report.getInt("failed")).as(report.prettify()).isZero();
    }

    @Test
    void aSheetComparesStrictlyUnlessItSaysContains() {
        String sheet = """
                scenario,history.brokenPromises,borrower.hardship,expect:reasonCodes,expect:reasonCodes.contains,expect:/repaymentPlan/options/3,expect:/contact/attemptsLeftThisWeek
                codes listed as a subset,0,NONE,,BUCKET_M2|NEXT_CALL,<absent>,null
                the same codes said to be all,0,NONE,BUCKET_M2|NEXT_CALL,,,
                a fourth option said to be null,0,NONE,,,null,
                """;
        JsonPath report = given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "strict.csv", sheet.getBytes(), "text/csv")
                .post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("scenarios.passed")).as(report.prettify()).isEqualTo(1);
        List<Map<String, Object>> failures = report.getList("failures");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).containsEntry("row", 3).containsEntry("pointer", "reasonCodes");
        assertThat((String) failures.get(0).get("message"))
                .startsWith("reasonCodes differ: not expected CHANNEL_PHONE, CLASSIFIED_SPECIAL_MENTION, ");
        assertThat(failures.get(1)).containsEntry("row", 4).containsEntry("pointer", "/repaymentPlan/options/3")
                .containsEntry("actual", "<absent>");
    }

    @Test
    void aMistypedPointerIsRefusedNamingItsColumn() {
        String sheet = "scenario,expect:/overdue/bukcet,expect:/nextAction/type\nM2,M2,CALL\n";
        given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "typo.csv", sheet.getBytes(), "text/csv").post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].row", equalTo(1)).body("errors[0].column", equalTo("B"))
                .body("errors[0].message", equalTo("/overdue/bukcet is not in any decision: "
                        + "/overdue holds daysPastDue, bucket, classification, penaltyInterest"));
    }

    @Test
    void aMalformedSheetIsRefusedNamingFileRowAndColumn() {
        String sheet = """
                scenario,loan.overdueAmount,expect:/nextAction/type
                fine,4300.00,CALL
                not a number,abc,CALL
                """;
        given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "bad.csv", sheet.getBytes(), "text/csv").post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-scenario-sheet"))
                .body("errors[0].file", equalTo("bad.csv")).body("errors[0].row", equalTo(3))
                .body("errors[0].column", equalTo("B")).body("errors[0].field", equalTo("loan.overdueAmount"))
                .body("detail", containsString("bad.csv row 3, column B"));
        // A case the service would refuse is named by its row and the column of the field at fault.
        String invalid = "scenario,loan.overdueAmount,expect:/nextAction/type\nover the balance,99999999,CALL\n";
        given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "invalid.csv", invalid.getBytes(), "text/csv").post(PATH)
                .then().statusCode(400).body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("B"))
                .body("errors[0].message", containsString("must not exceed loan.outstandingBalance"));
        given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "no-names.csv", "loan.overdueAmount,expect:/nextAction/type\n1,CALL\n".getBytes(), "text/csv")
                .post(PATH).then().statusCode(400).body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("scenario"));
        given().multiPart("candidate", active.current().version())
                .multiPart("scenarios", "notes.txt", "hello".getBytes(), "text/plain").post(PATH)
                .then().statusCode(400).body("errors[0].file", equalTo("notes.txt"));
    }

    @Test
    void anUnknownCandidateIs404AndAServicerMayNotRunOne() {
        given().contentType(ContentType.JSON).body("{\"candidate\":\"0000000000000000\"}").post(PATH)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", containsString("ruleset-version-not-found"));
        given().header("Authorization", Tokens.bearer(Tokens.of(Roles.SERVICER))).contentType(ContentType.JSON)
                .body("{}").post(PATH).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.of(Roles.APPROVER))).contentType(ContentType.JSON)
                .body("{}").post(PATH).then().statusCode(200);
    }

    private static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Scenarios");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
