package org.autocollections.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The connection drops after the database committed a decision's record but before the service heard so (the
 * COMMIT's reply is lost). The service looks on a new connection, finds the record, and gives the decision: every
 * record has its answer. Before, it answered 503 while the record stood (found by bench/soak.sh cutting the
 * database under load). Needs PostgreSQL (TEST_DB_KIND=postgresql): the proxy recognises its COMMIT reply.
 */
@QuarkusTest
@TestProfile(ThroughProxy.class)
class CommitOutcomeTest {

    private static Response decide(String caseId) {
        return given().contentType(ContentType.JSON).body(Cases.withDueDate(caseId, "2026-10-15").toString())
                .post("/api/v1/decisions");
    }

    @Test
    void aDecisionWhoseCommitReplyIsLostIsGivenWhenItsRecordIsThere() {
        assumeTrue("postgresql".equals(System.getenv("TEST_DB_KIND")), "the proxy knows PostgreSQL's COMMIT reply");
        decide("CO-WARM").then().statusCode(200);
        // a case id of this run's own, so the dropped COMMIT is known to be this request's and no other's
        String caseId = "CO-" + java.util.UUID.randomUUID();

        FlakyDatabase.proxy.dropCommitReplyOf(caseId);
        Response r = decide(caseId);

        assertThat(FlakyDatabase.proxy.commitRepliesDropped()).as("the COMMIT replies dropped").containsExactly(caseId);
        r.then().statusCode(200).body("caseId", equalTo(caseId));
        String id = r.path("decisionId");
        given().get("/api/v1/decisions/" + id).then().statusCode(200).body("decisionId", equalTo(id))
                .body("caseId", equalTo(caseId));
        given().get("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].decisionId", equalTo(id));
    }
}
