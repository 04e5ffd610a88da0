package org.autocollections.decisions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Reasons worded in the caller's language; everything else about a decision the same in every language. */
@QuarkusTest
class DecisionLanguageTest {

    private static ValidatableResponse decide(String query, String acceptLanguage) {
        var request = given().contentType(ContentType.JSON).body(Cases.example().toString());
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.post("/api/v1/decisions" + query).then();
    }

    private static List<Map<String, String>> reasons(JsonPath decision, String path) {
        return decision.getList(path);
    }

    private static String message(JsonPath decision, String path, String code) {
        return decision.getString(path + ".find { it.code == '" + code + "' }.message");
    }

    @Test
    void langWordsTheFullTraceAndChangesNothingElse() {
        JsonPath english = decide("?trace=full", null).statusCode(200).extract().jsonPath();
        JsonPath simplified = decide("?trace=full&lang=zh-CN", null).statusCode(200).extract().jsonPath();
        JsonPath traditional = decide("?trace=full", "zh-TW,zh;q=0.9,en;q=0.5").statusCode(200).extract().jsonPath();

        assertThat(message(english, "reasons", "BUCKET_M2")).matches("\\d+ days past due: bucket M2");
        assertThat(message(simplified, "reasons", "BUCKET_M2")).matches("逾期\\d+天，处于M2阶段");
        assertThat(message(traditional, "reasons", "BUCKET_M2")).matches("逾期\\d+天，處於M2階段");
        assertThat(message(simplified, "reasons", "PENALTY_INTEREST")).startsWith("罚息¥");
        for (JsonPath other : List.of(simplified, traditional)) {
            for (String unchanged : List.of("reasons.code", "reasons.rule", "reasons.source", "reasons.area", "rulesFired",
                    "overdue", "risk", "contact", "repaymentPlan", "legal", "nextAction", "rulesetVersion")) {
                assertThat((Object) other.get(unchanged)).as(unchanged).isEqualTo(english.get(unchanged));
            }
        }
    }

    @Test
    void anAcceptLanguageWithNoLanguageOfOursFallsBackToEnglishButABadLangIsRefused() {
        JsonPath french = decide("?trace=full", "fr-FR,fr;q=0.9").statusCode(200).extract().jsonPath();
        assertThat(message(french, "reasons", "BUCKET_M2")).matches("\\d+ days past due: bucket M2");
        decide("?trace=full", "not a header;;q=x").statusCode(200);
        for (String query : List.of("?trace=full&lang=fr", "?lang=zh", "?trace=full&lang=english")) {
            decide(query, "zh-CN").statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("lang"));
        }
        given().contentType(ContentType.JSON).body("{\"cases\":[" + Cases.example() + "]}")
                .post("/api/v1/decisions/batch?trace=full&lang=fr").then().statusCode(400).body("errors[0].field", equalTo("lang"));
    }

    @Test
    void compactAnswersCarryNoWordsInAnyLanguage() {
        decide("?lang=zh-TW", "zh-CN").statusCode(200)
                .body("reasons.OVERDUE.code", hasItem("BUCKET_M2"))
                .body("reasons.OVERDUE.message", everyItem(nullValue()));
    }

    @Test
    void aBatchWordsEveryCaseInTheLanguage() {
        given().contentType(ContentType.JSON).body("{\"cases\":[" + Cases.example() + "]}")
                .post("/api/v1/decisions/batch?trace=full&lang=zh-TW").then().statusCode(200)
                .body("results[0].decision.reasons.find { it.code == 'BUCKET_M2' }.message", startsWith("逾期"));
    }

    @Test
    void aStoredCaseIsDecidedInTheLanguageToo() {
        var stored = Cases.example();
        stored.remove("history");
        stored.remove("asOf");
        given().contentType(ContentType.JSON).body(stored.put("caseId", "LANG-1").toString()).put("/api/v1/cases/LANG-1")
                .then().statusCode(201);
        given().header("Accept-Language", "zh-TW").post("/api/v1/cases/LANG-1/decisions?trace=full").then().statusCode(200)
                .body("reasons.find { it.code == 'PENALTY_INTEREST' }.message", startsWith("罰息"));
        given().post("/api/v1/cases/LANG-1/decisions?lang=xx").then().statusCode(400).body("errors[0].field", equalTo("lang"));
    }

    @Test
    void anAuditorReadsARecordedDecisionInAnyLanguage() {
        JsonPath simplified = decide("?trace=full&lang=zh-CN", null).statusCode(200).extract().jsonPath();
        String id = simplified.getString("decisionId");
        JsonPath record = given().get("/api/v1/decisions/" + id + "?lang=zh-CN").then().statusCode(200)
                .body("reproduced", equalTo(true)).extract().jsonPath();
        assertThat(reasons(record, "response.reasons")).isEqualTo(reasons(simplified, "reasons"));
        JsonPath english = given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(message(english, "response.reasons", "BUCKET_M2")).matches("\\d+ days past due: bucket M2");
        assertThat(english.getList("response.reasons.code")).isEqualTo(record.getList("response.reasons.code"));
        JsonPath traditional = given().header("Accept-Language", "zh-Hant").get("/api/v1/decisions/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(message(traditional, "response.reasons", "BUCKET_M2")).matches("逾期\\d+天，處於M2階段");
        given().get("/api/v1/decisions/" + id + "?lang=de").then().statusCode(400).body("errors[0].field", equalTo("lang"));
    }

    @Test
    void theScriptsOfAVersionAreTitledAndExplainedInTheLanguage() {
        String version = given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
        given().get("/api/v1/rulesets/" + version + "/scripts?lang=zh-TW").then().statusCode(200)
                .body("rulesetVersion", equalTo(version))
                .body("language", equalTo("zh-TW"))
                .body("scripts.find { it.id == 'M2-NEGOTIATE' }.title", equalTo("協商還款"))
                .body("scripts.find { it.id == 'L-CEASE' }.purpose", startsWith("借款人要求停止聯繫"));
        given().header("Accept-Language", "zh-CN").get("/api/v1/rulesets/" + version + "/scripts").then().statusCode(200)
                .body("language", equalTo("zh-CN"))
                .body("scripts.find { it.id == 'M2-NEGOTIATE' }.title", equalTo("协商还款"));
        given().get("/api/v1/rulesets/" + version + "/scripts").then().statusCode(200)
                .body("language", equalTo("en"))
                .body("scripts.find { it.id == 'M2-NEGOTIATE' }.title", equalTo("Negotiate payment"));
        given().get("/api/v1/rulesets/" + version + "/scripts?lang=fr").then().statusCode(400).body("errors[0].field", equalTo("lang"));
        given().get("/api/v1/rulesets/0000000000000000/scripts").then().statusCode(404);
    }

    @Test
    void anAnalystTriesACaseOnAVersionInTheLanguage() {
        String version = given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN").body(Cases.example().toString())
                .post("/api/v1/rulesets/" + version + "/decisions").then().statusCode(200)
                .body("reasons.find { it.code == 'BUCKET_M2' }.message", startsWith("逾期"));
        given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/rulesets/" + version + "/decisions?lang=zh-TW").then().statusCode(200)
                .body("reasons.find { it.code == 'PENALTY_INTEREST' }.message", startsWith("罰息"));
        given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/rulesets/" + version + "/decisions?lang=fr").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
    }
}
