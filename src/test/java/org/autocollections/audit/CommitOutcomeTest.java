package org.autocollections.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.UUID;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    /** The markers whose COMMIT reply was dropped since the proxy had dropped {@code earlier} (one proxy for the class). */
    private static List<String> droppedSince(int earlier) {
        List<String> all = FlakyDatabase.proxy.commitRepliesDropped();
        return all.subList(earlier, all.size());
    }

    private static Response decide(String caseId) {
        return given().contentType(ContentType.JSON).body(Cases.withDueDate(caseId, "2026-10-15").toString())
                .post("/api/v1/decisions");
    }

    @Test
    void aDecisionWhoseCommitReplyIsLostIsGivenWhenItsRecordIsThere() {
        assumeTrue("postgresql".equals(System.getenv("TEST_DB_KIND")), "the proxy knows PostgreSQL's COMMIT reply");
        decide("CO-WARM").then().statusCode(200);
        // a case id of this run's own, so the dropped COMMIT is known to be this request's and no other's
        String caseId = "CO-" + UUID.randomUUID();

        int earlier = FlakyDatabase.proxy.commitRepliesDropped().size();
        FlakyDatabase.proxy.dropCommitReplyOf(caseId);
        Response r = decide(caseId);

        assertThat(droppedSince(earlier)).as("the COMMIT replies dropped").containsExactly(caseId);
        r.then().statusCode(200).body("caseId", equalTo(caseId));
        String id = r.path("decisionId");
        given().get("/api/v1/decisions/" + id).then().statusCode(200).body("decisionId", equalTo(id))
                .body("caseId", equalTo(caseId));
        given().get("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].decisionId", equalTo(id));
    }

    @Test
    void aBatchWhoseCommitReplyIsLostIsGivenWhenItsRecordsAreThere() {
        assumeTrue("postgresql".equals(System.getenv("TEST_DB_KIND")), "the proxy knows PostgreSQL's COMMIT reply");
        decide("CO-WARM").then().statusCode(200);
        // several records in one transaction, sent as one JDBC batch: the COMMIT whose reply is lost holds them all
        String run = "CO-" + UUID.randomUUID();
        ArrayNode cases = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i <= 3; i++) {
            cases.add(Cases.withDueDate(run + "-" + i, "2026-10-15"));
        }

        int earlier = FlakyDatabase.proxy.commitRepliesDropped().size();
        FlakyDatabase.proxy.dropCommitReplyOf(run + "-1");
        Response r = given().contentType(ContentType.JSON).body("{\"cases\":" + cases + "}").post("/api/v1/decisions/batch");

        assertThat(droppedSince(earlier)).as("the COMMIT replies dropped").containsExactly(run + "-1");
        r.then().statusCode(200).body("decided", equalTo(3));
        for (int i = 1; i <= 3; i++) {
            String id = r.path("results[" + (i - 1) + "].decision.decisionId");
            given().get("/api/v1/decisions/" + id).then().statusCode(200).body("caseId", equalTo(run + "-" + i));
        }
    }
}
