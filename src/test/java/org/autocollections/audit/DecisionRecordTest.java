package org.autocollections.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every decision is recorded as given, can be read back and replayed, and is never changed. */
@QuarkusTest
class DecisionRecordTest {

    @Inject
    TestClock clock;

    @Inject
    DecisionRetention retention;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String decide(String caseId) {
        return given().contentType(ContentType.JSON).body(Cases.withDueDate(caseId, "2026-10-15").toString())
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void everyDecisionIsRecordedWithItsRequestResponseAndVersion() {
        String version = given().get("/api/v1/rulesets/active").then().extract().path("version");
        String id = decide("AUDIT-1");
        given().get("/api/v1/decisions/" + id).then().statusCode(200)
                .body("decisionId", equalTo(id))
                .body("caseId", equalTo("AUDIT-1"))
                .body("rulesetVersion", equalTo(version))
                .body("request.loan.overdueAmount", equalTo(4300.00f))
                .body("response.overdue.bucket", equalTo("M2"))
                .body("response.reasons.size()", org.hamcrest.Matchers.greaterThan(5))
                .body("storedCase", equalTo(false));
    }

    @Test
    void everyDecisionOfABatchIsRecorded() {
        String body = "{\"cases\":[" + Cases.withDueDate("B-1", "2026-11-01") + "," + Cases.withDueDate("B-2", null) + "]}";
        java.util.List<String> ids = given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions/batch")
                .then().statusCode(200).extract().path("results.decision.decisionId");
        ids.forEach(id -> given().get("/api/v1/decisions/" + id).then().statusCode(200));
    }

    @Test
    void replayWithTheRecordedVersionReproducesTheDecision() {
        String id = decide("REPLAY-1");
        given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("identical", equalTo(true))
                .body("differences.size()", equalTo(0))
                .body("replayed.overdue.bucket", equalTo("M2"));
    }

    @Test
    void anUnknownDecisionIsA404Problem() {
        given().get("/api/v1/decisions/no-such-decision").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noEndpointChangesOrDeletesARecord() {
        String id = decide("IMMUTABLE-1");
        given().delete("/api/v1/decisions/" + id).then().statusCode(405);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/decisions/" + id).then().statusCode(405);
        given().contentType(ContentType.JSON).body("{}").patch("/api/v1/decisions/" + id).then().statusCode(405);
        given().get("/api/v1/decisions/" + id).then().statusCode(200).body("response.overdue.bucket", equalTo("M2"));
    }

    @Test
    void theRecordCannotBeChangedEvenFromInside() throws Exception {
        String id = decide("IMMUTABLE-2");
        // Hibernate issues no update for the entity...
        QuarkusTransaction.requiringNew().run(() -> {
            DecisionRecord row = DecisionRecord.findById(id);
            row.nextAction = "NONE";
            row.response = "{}";
        });
        // ...and the database refuses SQL sent straight to it with the service's own credentials
        assertThatThrownBy(() -> execute("update decision_record set next_action = 'NONE', response = '{}' where decision_id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("decision records are immutable");
        assertThatThrownBy(() -> execute("delete from decision_record where decision_id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("decision records are immutable");
        io.restassured.path.json.JsonPath record = given().get("/api/v1/decisions/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(record.getString("response.overdue.bucket")).isEqualTo("M2");
        assertThat(record.getString("nextAction")).isEqualTo(record.getString("response.nextAction.type")).isNotEqualTo("NONE");
    }

    private void execute(String sql, String decisionId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, decisionId);
            statement.executeUpdate();
        }
    }

    @Test
    void retentionDeletesOnlyRecordsOlderThanFiveYears() {
        clock.set(Instant.parse("2021-06-01T00:00:00Z"));
        String old = decide("RETAIN-OLD");
        clock.set(Instant.parse("2021-12-01T00:00:00Z"));
        String younger = decide("RETAIN-YOUNG");
        clock.set(Instant.parse("2026-11-29T00:00:00Z"));
        retention.purge();
        given().get("/api/v1/decisions/" + old).then().statusCode(404);
        given().get("/api/v1/decisions/" + younger).then().statusCode(200);
        assertThat(retention.cutoff()).isEqualTo(Instant.parse("2021-11-29T00:00:00Z"));
    }
}
