package org.autocollections.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.api.Problem;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A caller who reads Chinese gets problems and draft findings in Chinese: the title, the detail and each field's
 * message, with the type, the status, the field paths and the values named in them exactly as in English.
 */
@QuarkusTest
class ProblemLanguageTest {

    @Inject
    ActiveRuleset active;

    private static final String TYPES = "https://autocollections.org/problems/";

    @Test
    void anInvalidCaseFieldIsWordedInTheAcceptLanguage() {
        ObjectNode c = Cases.example();
        ObjectNode loan = (ObjectNode) c.get("loan");
        loan.put("overdueAmount", loan.get("outstandingBalance").decimalValue().add(java.math.BigDecimal.ONE));
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").body(c.toString())
                .post("/api/v1/decisions").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "invalid-case"))
                .body("title", equalTo("案件数据无效"))
                .body("errors[0].field", equalTo("loan.overdueAmount"))
                .body("errors[0].message", equalTo("不得超过 loan.outstandingBalance"))
                .body("detail", equalTo("loan.overdueAmount：不得超过 loan.outstandingBalance"));
    }

    @Test
    void aBadTraceIsWordedInTheLanguageLangAsks() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Cases.example().toString())
                .post("/api/v1/decisions?trace=everything&lang=zh-TW").then().statusCode(400)
                .body("type", equalTo(TYPES + "invalid-case"))
                .body("title", equalTo("案件資料無效"))
                .body("errors[0].field", equalTo("trace"))
                .body("errors[0].message", equalTo("須為 compact 或 full"));
    }

    @Test
    void aLangNoneOfOursIsAProblemWordedInTheAcceptLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-TW").body(Cases.example().toString())
                .post("/api/v1/decisions?lang=fr").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"))
                .body("errors[0].message", equalTo("須為 en、zh-CN 或 zh-TW 其中之一，而非「fr」"));
        given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/decisions?lang=fr").then().statusCode(400)
                .body("title", equalTo("Invalid case"))
                .body("errors[0].message", equalTo("must be one of en, zh-CN, zh-TW, not 'fr'"));
    }

    @Test
    void anUnknownDecisionIsA404InTheCallersLanguage() {
        given().header("Authorization", Tokens.bearer(Tokens.of(Roles.AUDITOR))).header("Accept-Language", "zh-CN")
                .get("/api/v1/decisions/no-such-decision").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "http-404"))
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("未找到决策 no-such-decision"))
                .body("instance", equalTo("/api/v1/decisions/no-such-decision"));
    }

    @Test
    void aDraftsRangeGapIsExplainedInTheCallersLanguage() throws Exception {
        String buckets = "overdue-buckets.drl.csv";
        String gap = Files.readString(Path.of("decision-tables", buckets)).replace("61,90,M3", "62,90,M3");
        String analyst = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
        long id = given().header("Authorization", analyst)
                .multiPart("files", buckets, gap.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201)
                .body("findings", hasSize(1))
                .body("findings[0].message", equalTo("no row covers daysPastDue 61, between row 12 (to 60) and row 13 (from 62)"))
                .body("findings[0].explanation", startsWith("A value between two bands that no row covers"))
                .extract().jsonPath().getLong("draft.id");
        try {
            given().header("Authorization", analyst).header("Accept-Language", "zh-CN")
                    .get("/api/v1/rulesets/drafts/" + id).then().statusCode(200)
                    .body("findings[0].kind", equalTo("RANGE_GAP"))
                    .body("findings[0].severity", equalTo("WARNING"))
                    .body("findings[0].file", equalTo("decision-tables/" + buckets))
                    .body("findings[0].row", equalTo(13))
                    .body("findings[0].column", equalTo("A"))
                    .body("findings[0].message", equalTo("没有任何一行覆盖 daysPastDue 61，位于第 12 行（至 60）与第 13 行（自 62）之间"))
                    .body("findings[0].explanation", startsWith("两个区间之间有一段值没有任何一行覆盖"));
            given().header("Authorization", analyst).header("Accept-Language", "zh-TW")
                    .get("/api/v1/rulesets/drafts/" + id).then().statusCode(200)
                    .body("findings[0].message", equalTo("沒有任何一列涵蓋 daysPastDue 61，位於第 12 列（至 60）與第 13 列（自 62）之間"));
        } finally {
            given().header("Authorization", analyst).contentType(ContentType.JSON).body("{\"note\":\"test\"}")
                    .post("/api/v1/rulesets/drafts/" + id + "/reject").then().statusCode(200);
        }
    }

    /**
     * A sample of every kind of problem and finding the service words, raised for real, read in zh-CN: nothing English
     * is left but the values it names (ids, statuses, fields) and the technical words the sentences keep as they are.
     */
    @Test
    void aSampleOfEachProblemAndFindingRaisedInChineseHasNoEnglishLeft() throws Exception {
        String auditor = Tokens.bearer(Tokens.of(Roles.AUDITOR));
        String lead = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST, Roles.APPROVER).subject("lee").upn("lee")));
        String approver = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.APPROVER).subject("bob").upn("bob")));
        chinese(given().header("Authorization", auditor).header("Accept-Language", "zh-CN")
                .get("/api/v1/rulesets/drafts/987654"), 404, "draft-not-found", "987654");
        chinese(given().header("Authorization", auditor).header("Accept-Language", "zh-CN")
                .get("/api/v1/portfolio/runs/no-such-run"), 404, "run-not-found", "no-such-run");
        chinese(given().header("Authorization", lead).header("Accept-Language", "zh-CN")
                .get("/api/v1/rulesets/simulations/no-such-simulation"), 404, "simulation-not-found", "no-such-simulation");
        chinese(given().header("Authorization", lead).header("Accept-Language", "zh-CN").multiPart("note", "none")
                .post("/api/v1/rulesets/drafts"), 400, "invalid-case", "files", "*.drl.xlsx", "*.drl.csv");

        chinese(given().header("Authorization", Tokens.bearer(Tokens.of(Roles.SERVICER))).header("Accept-Language", "zh-CN")
                .contentType("text/csv").body("caseId,,caseId\n").post("/api/v1/cases/import"),
                400, "invalid-portfolio", "loan.overdueAmount");

        String penalty = "penalty-interest.drl.csv";
        String table = Files.readString(Path.of("decision-tables", penalty));
        long id = given().header("Authorization", lead)
                .multiPart("files", penalty, table.replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.7,")
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).body("draft.status", equalTo("VALIDATED"))
                .extract().jsonPath().getLong("draft.id");
        try {
            chinese(given().header("Authorization", lead).header("Accept-Language", "zh-CN")
                    .contentType(ContentType.JSON).body("{}").post("/api/v1/rulesets/drafts/" + id + "/approve"),
                    403, "four-eyes", String.valueOf(id), "lee");
            chinese(given().header("Authorization", approver).header("Accept-Language", "zh-CN")
                    .contentType(ContentType.JSON).body("{}").post("/api/v1/rulesets/drafts/" + id + "/activate"),
                    409, "lifecycle-conflict", String.valueOf(id), "VALIDATED", "APPROVED");
        } finally {
            reject(lead, id);
        }

        // a table the serving policy does not have, and a double quote in a value cell
        String unknown = table.replace("RuleTable Penalty interest", "RuleTable Unknown penalty");
        String quoted = table.replace("penalty.dayBasis,360,", "penalty.dayBasis,\"36\"\"0\",");
        long findings = given().header("Authorization", lead)
                .multiPart("files", "unknown-table.drl.csv", unknown.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("files", penalty, quoted.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).extract().jsonPath().getLong("draft.id");
        try {
            JsonPath draft = given().header("Authorization", lead).header("Accept-Language", "zh-CN")
                    .get("/api/v1/rulesets/drafts/" + findings).then().statusCode(200).extract().jsonPath();
            List<String> kinds = draft.getList("findings.kind", String.class);
            assertThat(kinds).contains("UNKNOWN_TABLE", "CODE_IN_CELL");
            for (int i = 0; i < kinds.size(); i++) {
                if (!kinds.get(i).equals("COMPILE_ERROR")) { // the compiler's own text is a value, kept as it is
                    noEnglishIn(draft.getString("findings[" + i + "].message"), "'");
                }
                noEnglishIn(draft.getString("findings[" + i + "].explanation"), "decision-tables/wording.csv", "Excel");
                assertThat(draft.getMap("findings[" + i + "]")).doesNotContainKey("words");
            }
        } finally {
            reject(lead, findings);
        }
    }

    /**
     * An analyst's scenario sheet with a fault of each kind the sheet's rows can have, read in zh-CN: the problem,
     * its detail and each fault are Chinese but for the values (file, columns, cell texts, pointers), which are as sent.
     */
    @Test
    void aScenarioSheetsFaultsAreWordedInTheCallersLanguage() {
        String analyst = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
        // the header is read first: a mistyped pointer refuses the sheet before its rows are read
        String sheet = "scenario,expect:/overdue/bukcet,expect:/nextAction/type\ntwice,M2,CALL\n";
        String rows = """
                scenario,loan.overdueAmount,expect:/overdue/bucket,expect:/nextAction/type
                twice,abc,M2,CALL
                twice,4300.00,M2,CALL
                ,4300.00,M2,CALL
                """;
        JsonPath problem = given().header("Authorization", analyst).header("Accept-Language", "zh-CN")
                .multiPart("candidate", active.current().version())
                .multiPart("scenarios", "bad.csv", sheet.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/regressions").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + "invalid-scenario-sheet"))
                .body("title", equalTo("测试场景表无效"))
                .body("errors[0].file", equalTo("bad.csv")).body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("B"))
                .body("errors[0].message", equalTo("/overdue/bukcet 不在任何决策中：/overdue 包含 daysPastDue, bucket, "
                        + "classification, penaltyInterest"))
                .extract().jsonPath();
        String[] values = {"bad.csv", "expect:/overdue/bukcet", "/overdue/bukcet", "/overdue", "daysPastDue", "bucket", "classification",
                "penaltyInterest", "loan.overdueAmount", "borrower.hardship", "abc", "maybe",
                "twice", "true", "false", "scenario"};
        noEnglishIn(problem.getString("detail"), values);
        assertThat(problem.getString("detail")).startsWith("bad.csv 第 1 行，B 列（expect:/overdue/bukcet）：");
        JsonPath faults = given().header("Authorization", analyst).header("Accept-Language", "zh-CN")
                .multiPart("candidate", active.current().version())
                .multiPart("scenarios", "bad.csv", rows.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/regressions").then().statusCode(400).extract().jsonPath();
        noEnglishIn(faults.getString("detail"), values);
        faults.getList("errors.message", String.class).forEach(m -> noEnglishIn(m, values));
        assertThat(faults.getList("errors.message", String.class)).containsExactly("须为数字，而非「abc」",
                "场景「twice」在前面的行中已出现过", "每一行都须有场景名称");
        assertThat(faults.getString("detail")).isEqualTo("bad.csv 第 2 行，B 列（loan.overdueAmount）：须为数字，而非「abc」；"
                + "bad.csv 第 3 行，A 列（scenario）：场景「twice」在前面的行中已出现过；"
                + "bad.csv 第 4 行，A 列（scenario）：每一行都须有场景名称");

        // the same sheet in English reads as it always has
        given().header("Authorization", analyst)
                .multiPart("candidate", active.current().version())
                .multiPart("scenarios", "bad.csv", sheet.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/regressions").then().statusCode(400)
                .body("title", equalTo("Invalid scenario sheet"))
                .body("detail", equalTo("bad.csv row 1, column B (expect:/overdue/bukcet): /overdue/bukcet is not in"
                        + " any decision: /overdue holds daysPastDue, bucket, classification, penaltyInterest"));
        given().header("Authorization", analyst)
                .multiPart("candidate", active.current().version())
                .multiPart("scenarios", "bad.csv", rows.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/regressions").then().statusCode(400)
                .body("detail", equalTo("bad.csv row 2, column B (loan.overdueAmount): must be a number, not 'abc'; "
                        + "bad.csv row 3, column A (scenario): the scenario 'twice' is named on an earlier row too; "
                        + "bad.csv row 4, column A (scenario): every row needs a scenario name"))
                .body("errors.message", hasItem("the scenario 'twice' is named on an earlier row too"));
    }

    /** A scenario whose case the service refuses names the case's field fault in the caller's language too. */
    @Test
    void aScenarioWhoseCaseIsInvalidIsWordedInTheCallersLanguage() {
        String analyst = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
        String invalid = "scenario,loan.overdueAmount,expect:/nextAction/type\nover the balance,99999999,CALL\n";
        given().header("Authorization", analyst).header("Accept-Language", "zh-TW")
                .multiPart("candidate", active.current().version())
                .multiPart("scenarios", "invalid.csv", invalid.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/regressions").then().statusCode(400)
                .body("title", equalTo("測試情境表無效"))
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("B"))
                .body("errors[0].message", startsWith("該情境的案件無效：loan.overdueAmount 不得超過"));
    }

    /** A portfolio's refused lines are worded in the importer's language: the line, the case id and the type as sent. */
    @Test
    void anImportsRefusedLinesAreWordedInTheCallersLanguage() {
        String servicer = Tokens.bearer(Tokens.of(Roles.SERVICER));
        String csv = "caseId,loan.overdueAmount,borrower.hardship\nLANG-1,5\n";
        given().header("Authorization", servicer).header("Accept-Language", "zh-CN").contentType("text/csv").body(csv)
                .post("/api/v1/cases/import").then().statusCode(200)
                .body("failed", equalTo(1))
                .body("errors[0].line", equalTo(2)).body("errors[0].caseId", equalTo("LANG-1"))
                .body("errors[0].problem.type", equalTo(TYPES + "malformed-csv"))
                .body("errors[0].problem.title", equalTo("CSV 格式错误"))
                .body("errors[0].problem.detail", equalTo("该行有 2 个单元格，而表头列出 3 列。"));
        given().header("Authorization", servicer).contentType("text/csv").body(csv)
                .post("/api/v1/cases/import").then().statusCode(200)
                .body("errors[0].problem.title", equalTo("Malformed CSV row"))
                .body("errors[0].problem.detail", equalTo("The row has 2 cells; the header names 3 columns."));
        JsonPath refused = given().header("Authorization", servicer).header("Accept-Language", "zh-TW")
                .contentType("application/x-ndjson").body("{\"caseId\": \n{\"caseId\": \"LANG-2\", \"history\": []}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cases/import").then().statusCode(200).body("failed", equalTo(2)).extract().jsonPath();
        assertThat(refused.getString("errors[0].problem.title")).isEqualTo("JSON 格式錯誤");
        assertThat(refused.getString("errors[0].problem.detail")).startsWith("該行不是有效的 JSON");
        chineseProblem(refused.getString("errors[1].problem.title"), refused.getString("errors[1].problem.detail"),
                "history");
    }

    private static void chineseProblem(String title, String detail, String... values) {
        noEnglishIn(title, values);
        noEnglishIn(detail, values);
    }

    private static void reject(String token, long draft) {
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"note\":\"test\"}")
                .post("/api/v1/rulesets/drafts/" + draft + "/reject").then().statusCode(200);
    }

    /** The problem's type and status as raised, and its title, detail and fields' messages in Chinese. */
    private static void chinese(io.restassured.response.Response response, int status, String type, String... values) {
        JsonPath problem = response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(TYPES + type)).extract().jsonPath();
        noEnglishIn(problem.getString("title"), values);
        noEnglishIn(problem.getString("detail"), values);
        List<String> messages = problem.getList("errors.message");
        if (messages != null) {
            messages.forEach(m -> noEnglishIn(m, values));
        }
    }

    /** No word in lower-case letters once the values are taken out: upper-case words are statuses and codes. */
    private static void noEnglishIn(String text, String... values) {
        String rest = text;
        for (String value : values) {
            rest = rest.replace(value, "");
        }
        assertThat(rest).as(text).isNotBlank()
                .doesNotContainPattern("[A-Za-z]*[a-z]{2,}[A-Za-z]*");
    }
}
