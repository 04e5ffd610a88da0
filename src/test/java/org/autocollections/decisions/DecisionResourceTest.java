package org.autocollections.decisions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DecisionResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void decidesTheDocumentedExampleAndExplainsEachConclusion() {
        String version = given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");

        given().contentType(ContentType.JSON).body(Cases.example().toString())
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .body("caseId", equalTo("CASE-1"))
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("rulesetVersion", equalTo(version))
                .body("overdue.daysPastDue", equalTo(45))
                .body("overdue.bucket", equalTo("M2"))
                .body("overdue.classification", equalTo("SPECIAL_MENTION"))
                // 4300.00 x 0.068 x 1.5 / 360 x 45 = 54.825, half-even to the cent
                .body("overdue.penaltyInterest", equalTo(54.82f))
                .body("reasons.find { it.code == 'BUCKET_M2' }.source", equalTo("decision-tables/overdue-buckets.drl.csv#12"))
                .body("reasons.find { it.code == 'BUCKET_M2' }.rule", equalTo("Overdue bucket_12"))
                .body("reasons.find { it.code == 'PENALTY_INTEREST' }.source", matchesPattern("rules/overdue.drl#L\\d+"))
                .body("reasons.area", hasItems("OVERDUE", "ACTION"))
                .body("rulesFired.rule", hasItem("Overdue bucket_12"))
                .body("nextAction.type", notNullValue());
    }

    @Test
    void aCurrentLoanNeedsNoAction() {
        given().contentType(ContentType.JSON).body(Cases.withDueDate("CURRENT-1", null).toString())
                .when().post("/api/v1/decisions")
                .then().statusCode(200)
                .body("overdue.daysPastDue", equalTo(0))
                .body("overdue.bucket", equalTo("M0"))
                .body("overdue.classification", equalTo("NORMAL"))
                .body("overdue.penaltyInterest", equalTo(0.0f))
                .body("nextAction.type", equalTo("NONE"));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        String minimal = "{\"caseId\":\"MIN-1\",\"asOf\":\"2026-11-29T10:00:00+08:00\",\"borrower\":{},"
                + "\"loan\":{\"outstandingBalance\":50000,\"overdueAmount\":1000,\"oldestUnpaidDueDate\":\"2026-11-10\"}}";
        given().contentType(ContentType.JSON).body(minimal).post("/api/v1/decisions")
                .then().statusCode(200)
                .body("overdue.bucket", equalTo("M1"))
                .body("legal.stage", equalTo("NONE"))
                .body("nextAction.type", notNullValue());
    }

    @Test
    void daysPastDueAreCountedInTheBorrowersTimeZone() {
        // 16:30 UTC on 28 November is already 29 November in Shanghai, still 28 November in New York.
        ObjectNode shanghai = Cases.withDueDate("TZ-1", "2026-11-28");
        shanghai.put("asOf", "2026-11-28T16:30:00Z");
        given().contentType(ContentType.JSON).body(shanghai.toString()).post("/api/v1/decisions")
                .then().statusCode(200).body("overdue.daysPastDue", equalTo(1)).body("overdue.bucket", equalTo("M1"));

        ObjectNode newYork = shanghai.deepCopy();
        Cases.object(newYork, "borrower").put("timeZone", "America/New_York");
        given().contentType(ContentType.JSON).body(newYork.toString()).post("/api/v1/decisions")
                .then().statusCode(200).body("overdue.daysPastDue", equalTo(0)).body("overdue.bucket", equalTo("M0"));
    }

    @Test
    void withoutAsOfTheServiceClockDecides() {
        ObjectNode c = Cases.withDueDate("CLOCK-1", "2026-11-01");
        c.remove("asOf");
        clock.set(java.time.Instant.parse("2026-12-10T04:00:00Z")); // 12:00 in Shanghai, 39 days after 1 November
        given().contentType(ContentType.JSON).body(c.toString()).post("/api/v1/decisions")
                .then().statusCode(200)
                .body("asOf", equalTo("2026-12-10T04:00:00Z"))
                .body("decidedAt", equalTo("2026-12-10T04:00:00Z"))
                .body("overdue.daysPastDue", equalTo(39));
    }

    @Test
    void batchDecidesEveryGoodCaseInOrderAndReportsTheBadOne() {
        ObjectNode bad = Cases.withDueDate("BAD-1", "2026-10-15");
        Cases.object(bad, "loan").put("outstandingBalance", -5);
        String body = "{\"cases\":[" + Cases.withDueDate("A", "2026-11-20") + "," + bad + ","
                + Cases.withDueDate("C", null) + "]}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions/batch")
                .then().statusCode(200)
                .body("decided", equalTo(2))
                .body("failed", equalTo(1))
                .body("results.index", equalTo(java.util.List.of(0, 1, 2)))
                .body("results.caseId", equalTo(java.util.List.of("A", "BAD-1", "C")))
                .body("results[0].decision.overdue.bucket", equalTo("M1"))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.errors.field", hasItem("loan.outstandingBalance"))
                .body("results[2].decision.overdue.bucket", equalTo("M0"));
    }

    @Test
    void everyDecisionOfABatchNamesTheSameRulesetVersion() {
        StringBuilder body = new StringBuilder("{\"cases\":[");
        for (int i = 0; i < 50; i++) {
            body.append(i == 0 ? "" : ",").append(Cases.withDueDate("V-" + i, "2026-0" + (1 + i % 9) + "-15"));
        }
        body.append("]}");
        String version = given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/decisions/batch")
                .then().statusCode(200).body("decided", is(50)).extract().path("rulesetVersion");
        given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/decisions/batch")
                .then().body("results.decision.rulesetVersion.unique()", equalTo(java.util.List.of(version)));
    }
}
