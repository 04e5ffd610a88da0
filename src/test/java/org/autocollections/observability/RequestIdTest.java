package org.autocollections.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** X-Request-Id: taken from the client when safe, made otherwise, echoed, and kept in the decision record. */
@QuarkusTest
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static Response decide(String caseId, String requestId) {
        var request = given().contentType(ContentType.JSON).body(Cases.withDueDate(caseId, "2026-10-15").toString());
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.post("/api/v1/decisions");
    }

    @Test
    void theClientsIdIsEchoedAndLandsInTheDecisionRecord() {
        String id = "lb-7f3a.2026:11:29_checkout-1";
        String decisionId = decide("RID-1", id).then().statusCode(200).header("X-Request-Id", id)
                .extract().path("decisionId");
        given().get("/api/v1/decisions/" + decisionId).then().statusCode(200).body("requestId", equalTo(id));
    }

    @Test
    void withoutAnIdOneIsMadeAndRecorded() {
        Response r = decide("RID-2", null);
        r.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        given().get("/api/v1/decisions/" + r.path("decisionId")).then().statusCode(200)
                .body("requestId", equalTo(r.header("X-Request-Id")));
    }

    @Test
    void anUnsafeIdIsReplacedNotRefused() {
        for (String bad : new String[] { "x".repeat(65), "has space", "semi;colon", "Ünïcode", "" }) {
            Response r = decide("RID-3", bad);
            r.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
            given().get("/api/v1/decisions/" + r.path("decisionId")).then()
                    .body("requestId", equalTo(r.header("X-Request-Id")));
        }
        decide("RID-3", "x".repeat(64)).then().statusCode(200).header("X-Request-Id", "x".repeat(64));
    }

    @Test
    void aBatchsDecisionsShareTheRequestsId() {
        Response r = given().contentType(ContentType.JSON).header("X-Request-Id", "batch-42")
                .body("{\"cases\":[" + Cases.withDueDate("RID-B1", null) + "," + Cases.withDueDate("RID-B2", "2026-10-15") + "]}")
                .post("/api/v1/decisions/batch");
        r.then().statusCode(200).header("X-Request-Id", "batch-42");
        for (int i = 0; i < 2; i++) {
            String decisionId = r.path("results[" + i + "].decision.decisionId");
            assertThat(decisionId).isNotNull();
            given().get("/api/v1/decisions/" + decisionId).then().body("requestId", equalTo("batch-42"));
        }
    }

    @Test
    void withTracesOffTheRecordNamesNoTrace() {
        // traces are off unless an OTLP endpoint is configured: a caller's traceparent is neither continued nor recorded
        Response r = given().contentType(ContentType.JSON)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .body(Cases.withDueDate("RID-T1", "2026-10-15").toString()).post("/api/v1/decisions");
        r.then().statusCode(200);
        given().get("/api/v1/decisions/" + r.path("decisionId")).then().statusCode(200)
                .body("requestId", equalTo(r.header("X-Request-Id")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("traceId")));
    }

    @Test
    void problemsCarryTheIdToo() {
        given().header("X-Request-Id", "nf-1").get("/api/v1/decisions/none-such").then().statusCode(404)
                .header("X-Request-Id", "nf-1");
        given().contentType(ContentType.JSON).header("X-Request-Id", "bad-1").body("{").post("/api/v1/decisions")
                .then().statusCode(400).header("X-Request-Id", "bad-1");
    }
}
