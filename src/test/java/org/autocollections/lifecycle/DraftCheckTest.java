package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.lifecycle.PolicyEdits.ANALYST;
import static org.autocollections.lifecycle.PolicyEdits.APPROVER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The check the page's table editor asks as the analyst types: the findings an upload of the edited table would
 * have, each at its cell and in the caller's language, and no draft stored; as a revision of an open draft, the same
 * against that draft, which stays as it was.
 */
@QuarkusTest
class DraftCheckTest {

    private static final String BUCKETS = "overdue-buckets.drl.csv";

    /** M2 starts a day late: day 31 falls between M1 and M2, found at M2's "From day" (A12). */
    private static final String GAP = PolicyEdits.table(BUCKETS).replace("31,60,M2", "32,60,M2");

    @Test
    void aCheckFindsTheGapAtItsCellInTheCallersLanguageAndStoresNoDraft() {
        String version = check("/api/v1/rulesets/drafts/check", GAP, "en").statusCode(200)
                .body("errors", equalTo(0))
                .body("warnings", equalTo(1))
                .body("findings[0].kind", equalTo("RANGE_GAP"))
                .body("findings[0].file", equalTo("decision-tables/" + BUCKETS))
                .body("findings[0].row", equalTo(12))
                .body("findings[0].column", equalTo("A"))
                .body("findings[0].message", containsString("31"))
                .body("changes[0].cells.column", hasItem("A"))
                .extract().path("version");
        // the same finding, worded for a reader of Simplified Chinese
        String chinese = check("/api/v1/rulesets/drafts/check", GAP, "zh-CN").statusCode(200)
                .extract().path("findings[0].explanation");
        assertThat(chinese).containsPattern("\\p{IsHan}");

        assertThat(versions()).as("a check stores no draft").isNotEmpty().doesNotContain(version);
    }

    @Test
    void aCheckOfARevisionLeavesTheDraftAsItWasAndAClosedDraftCannotBeChecked() {
        // a draft in which M6 ends a day early; its revision with the gap is checked against it
        String spread = PolicyEdits.table(BUCKETS).replace("151,180,M6", "151,179,M6").replace("181,,M7+", "180,,M7+");
        long draft = patient().header("Authorization", ANALYST)
                .multiPart("files", BUCKETS, spread.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).extract().jsonPath().getLong("draft.id");
        String version = given().header("Authorization", ANALYST).get("/api/v1/rulesets/drafts/" + draft).then()
                .extract().path("draft.version");

        check("/api/v1/rulesets/drafts/" + draft + "/check", spread.replace("31,60,M2", "32,60,M2"), "en").statusCode(200)
                .body("findings.kind", equalTo(List.of("RANGE_GAP")))
                .body("findings[0].row", equalTo(12));
        given().header("Authorization", ANALYST).get("/api/v1/rulesets/drafts/" + draft).then()
                .body("draft.version", equalTo(version))
                .body("draft.status", equalTo("VALIDATED"));

        PolicyEdits.step(APPROVER, draft, "reject").statusCode(200);
        check("/api/v1/rulesets/drafts/" + draft + "/check", GAP, "en").statusCode(409);
    }

    private static ValidatableResponse check(String path, String table, String language) {
        return patient().header("Authorization", ANALYST).header("Accept-Language", language)
                .multiPart("files", BUCKETS, table.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(path).then();
    }

    private static List<String> versions() {
        return given().header("Authorization", ANALYST).get("/api/v1/rulesets/drafts?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("version", String.class);
    }

    /** Each check and upload compiles a whole ruleset: on a busy machine that can take longer than a usual call. */
    private static RequestSpecification patient() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 180_000).setParam("http.connection.timeout", 180_000)));
    }
}
