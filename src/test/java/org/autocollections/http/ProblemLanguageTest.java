package org.autocollections.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autocollections.Cases;
import org.autocollections.api.Problem;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A caller who reads Chinese gets problems and draft findings in Chinese: the title, the detail and each field's
 * message, with the type, the status, the field paths and the values named in them exactly as in English.
 */
@QuarkusTest
class ProblemLanguageTest {

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
}
