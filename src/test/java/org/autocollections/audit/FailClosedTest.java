package org.autocollections.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With the database cut off, no decision leaves the service without its record: the API answers 503 problem
 * details, never a 500 and never a decision; when the database returns, the service recovers by itself.
 */
@QuarkusTest
@TestProfile(ThroughProxy.class)
class FailClosedTest {

    private static Response decide(String caseId) {
        return given().contentType(ContentType.JSON).body(Cases.withDueDate(caseId, "2026-10-15").toString())
                .post("/api/v1/decisions");
    }

    @Test
    void noDecisionWithoutItsRecordAndRecoveryWithoutRestart() throws Exception {
        String before = decide("FC-1").then().statusCode(200).extract().path("decisionId");

        FlakyDatabase.proxy.cut();
        try {
            for (int i = 0; i < 3; i++) {
                decide("FC-DOWN-" + i).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo("https://autocollections.org/problems/database-unavailable"))
                        .body("decisionId", org.hamcrest.Matchers.nullValue());
            }
            given().contentType(ContentType.JSON).body("{\"cases\":[" + Cases.withDueDate("FC-B", null) + "]}")
                    .post("/api/v1/decisions/batch").then().statusCode(503);
        } finally {
            FlakyDatabase.proxy.restore();
        }

        // Recovery: broken connections are replaced as they are found; no restart.
        int status = 0;
        String after = null;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            Response r = decide("FC-2");
            status = r.statusCode();
            assertThat(status).as("while recovering, only 200 or 503").isIn(200, 503);
            after = status == 200 ? r.path("decisionId") : null;
        }
        assertThat(status).isEqualTo(200);
        given().get("/api/v1/decisions/" + before).then().statusCode(200);
        given().get("/api/v1/decisions/" + after).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/cases/FC-DOWN-" + i + "/decisions").then().statusCode(200).body("total", equalTo(0));
        }
    }
}
