package org.autocollections.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;

import org.autocollections.Cases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * An analyst's edit to a table reaches decisions by a reload, with no rebuild; a broken edit is refused with its
 * cell and the ruleset that was serving keeps serving.
 */
@QuarkusTest
@TestProfile(EditablePolicyProfile.class)
class RulesetReloadTest {

    private static final Path BUCKETS = EditablePolicyProfile.ROOT.resolve("decision-tables/overdue-buckets.drl.csv");

    @AfterEach
    void restore() {
        EditablePolicyProfile.restore();
        given().post("/api/v1/rulesets/reload").then().statusCode(200);
    }

    private static String activeVersion() {
        return given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }

    private static String bucketOfExample() {
        return given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions")
                .then().statusCode(200).extract().path("overdue.bucket");
    }

    @Test
    void anEditedTableChangesTheDecisionAfterAReload() throws Exception {
        String before = activeVersion();
        assertBucket("M2");
        Files.writeString(BUCKETS, Files.readString(BUCKETS).replace("31,60,M2", "31,60,M2-EARLY"));

        String after = given().post("/api/v1/rulesets/reload").then().statusCode(200)
                .body("version", not(equalTo(before))).extract().path("version");

        given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions")
                .then().statusCode(200)
                .body("overdue.bucket", equalTo("M2-EARLY"))
                .body("rulesetVersion", equalTo(after));
        given().get("/api/v1/rulesets/activations?limit=2").then().body("version", equalTo(java.util.List.of(after, before)));
    }

    @Test
    void changingAThresholdInATableChangesTheDecisionWithNoJavaChange() throws Exception {
        Path penalty = EditablePolicyProfile.ROOT.resolve("decision-tables/penalty-interest.drl.csv");
        org.hamcrest.MatcherAssert.assertThat(penaltyOfExample(), equalTo(54.82f));
        Files.writeString(penalty, Files.readString(penalty).replace("penalty.rateMultiplier,1.5", "penalty.rateMultiplier,2.0"));
        Files.writeString(BUCKETS, Files.readString(BUCKETS).replace("31,60,M2", "31,44,M2").replace("61,90,M3", "45,90,M3"));
        given().post("/api/v1/rulesets/reload").then().statusCode(200);
        // 4300.00 x 0.068 x 2.0 / 360 x 45 days = 73.10; day 45 now falls in M3
        org.hamcrest.MatcherAssert.assertThat(penaltyOfExample(), equalTo(73.10f));
        assertBucket("M3");
    }

    private static Float penaltyOfExample() {
        return given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions")
                .then().statusCode(200).extract().path("overdue.penaltyInterest");
    }

    @Test
    void replayAfterATableChangeReproducesTheRecordedDecisionAndShowsWhatTheNewPolicyChanges() throws Exception {
        String recordedVersion = activeVersion();
        String id = given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions")
                .then().statusCode(200).extract().path("decisionId");
        Files.writeString(BUCKETS, Files.readString(BUCKETS).replace("31,60,M2", "31,60,M2-LATE"));
        given().post("/api/v1/rulesets/reload").then().statusCode(200);

        given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("recordedVersion", equalTo(recordedVersion))
                .body("replayedVersion", equalTo(recordedVersion))
                .body("identical", equalTo(true));
        given().post("/api/v1/decisions/" + id + "/replay?ruleset=active").then().statusCode(200)
                .body("replayedVersion", not(equalTo(recordedVersion)))
                .body("identical", equalTo(false))
                .body("differences.find { it.path == '/overdue/bucket' }.recorded", equalTo("M2"))
                .body("differences.find { it.path == '/overdue/bucket' }.replayed", equalTo("M2-LATE"));
    }

    @Test
    void aBrokenTableIsRefusedWithItsCellAndTheActiveRulesetKeepsServing() throws Exception {
        String before = activeVersion();
        Files.writeString(BUCKETS, Files.readString(BUCKETS).replace("31,60,M2", "31,6O,M2"));

        given().post("/api/v1/rulesets/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://autocollections.org/problems/ruleset-rejected"))
                .body("detail", containsString("keeps serving"))
                .body("problems.file", hasItem("decision-tables/overdue-buckets.drl.csv"))
                .body("problems[0].row", equalTo(12))
                .body("problems[0].column", equalTo("B"));

        org.junit.jupiter.api.Assertions.assertEquals(before, activeVersion());
        org.junit.jupiter.api.Assertions.assertEquals("M2", bucketOfExample());
    }

    @Test
    void aMisspeltHeaderIsRefusedAtItsCell() throws Exception {
        Files.writeString(BUCKETS, Files.readString(BUCKETS).replace("CONDITION,CONDITION,ACTION", "CONDITION,CONDITON,ACTION"));
        given().post("/api/v1/rulesets/reload").then().statusCode(422)
                .body("problems[0].row", equalTo(6))
                .body("problems[0].column", equalTo("B"))
                .body("problems[0].message", containsString("CONDITON"));
        assertBucket("M2");
    }

    private static void assertBucket(String bucket) {
        org.junit.jupiter.api.Assertions.assertEquals(bucket, bucketOfExample());
    }
}
