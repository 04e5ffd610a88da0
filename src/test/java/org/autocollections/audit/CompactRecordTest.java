package org.autocollections.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A decision record keeps the request and the conclusions only, yet an auditor sees the whole decision: the full trace
 * is rebuilt from the recorded version, exactly as it was answered, and a record that no longer rebuilds the same is
 * said to be so. Records written before the compact form are read as they always were.
 */
@QuarkusTest
class CompactRecordTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    org.autocollections.TestClock clock;

    /** The M2 example decided with its full trace; the answer's text as the client received it. */
    private static String decideWithFullTrace(String caseId) {
        ObjectNode request = Cases.example().put("caseId", caseId);
        return given().contentType(ContentType.JSON).body(request.toString())
                .post("/api/v1/decisions?trace=full").then().statusCode(200).extract().asString();
    }

    @Test
    void theRecordGivesBackTheAnswerWithItsFullTraceByteForByte() throws Exception {
        JsonNode answer = json.readTree(decideWithFullTrace("COMPACT-1"));
        String id = answer.get("decisionId").asText();
        assertThat(answer.get("rulesFired").size()).as("the answer carried the full trace").isGreaterThan(50);

        JsonNode record = json.readTree(given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().asString());
        assertThat(record.get("reproduced").asBoolean()).isTrue();
        assertThat(record.has("differences")).isFalse();
        assertThat(record.get("response").toString()).isEqualTo(answer.toString());

        JsonNode replay = json.readTree(given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .extract().asString());
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(replay.get("replayed").get("rulesFired").toString()).isEqualTo(answer.get("rulesFired").toString());
        assertThat(replay.get("replayed").get("reasons").toString()).isEqualTo(answer.get("reasons").toString());
    }

    @Test
    void aDecisionMadeBetweenMicrosecondsIsRecordedAtTheTimeItWasAnswered() throws Exception {
        clock.set(org.autocollections.TestClock.START.plusNanos(123_456_789)); // the databases keep microseconds
        try {
            JsonNode answer = json.readTree(decideWithFullTrace("COMPACT-NANOS"));
            assertThat(answer.get("decidedAt").asText()).isEqualTo("2026-11-29T02:00:00.123456Z");
            JsonNode record = json.readTree(given().get("/api/v1/decisions/" + answer.get("decisionId").asText())
                    .then().statusCode(200).extract().asString());
            assertThat(record.get("decidedAt").asText()).isEqualTo(answer.get("decidedAt").asText());
            assertThat(record.get("response").toString()).isEqualTo(answer.toString());
        } finally {
            clock.reset();
        }
    }

    @Test
    void theRecordIsSmallAndHoldsNoTrace() throws Exception {
        String id = json.readTree(decideWithFullTrace("COMPACT-2")).get("decisionId").asText();
        DecisionRecord row = QuarkusTransaction.requiringNew().call(() -> DecisionRecord.<DecisionRecord>findById(id));
        assertThat(row.request).isNull();
        assertThat(row.response).isNull();
        assertThat(row.payload.length).as("the M2 example's record, 13 KB of JSON answered").isLessThan(1_000);
        String stored = new String(RecordPayload.unpack(row.payload), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stored).contains("\"BUCKET_M2\"", "overdue-buckets").doesNotContain("rulesFired", "\"message\"");
    }

    @Test
    void aRecordWrittenBeforeTheCompactFormReadsAsItAlwaysDid() throws Exception {
        JsonNode answer = json.readTree(decideWithFullTrace("COMPACT-OLD"));
        JsonNode request = json.readTree(given().get("/api/v1/decisions/" + answer.get("decisionId").asText()).then().statusCode(200)
                .extract().asString()).get("request");
        String id = UUID.randomUUID().toString();
        ObjectNode response = ((ObjectNode) answer.deepCopy()).put("decisionId", id);
        insert(id, answer, "request, response", request.toString(), response.toString());

        JsonNode record = json.readTree(given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().asString());
        assertThat(record.get("response")).isEqualTo(response);
        assertThat(record.get("request")).isEqualTo(request);
        assertThat(record.has("reproduced")).as("nothing is rebuilt for a record kept whole").isFalse();
        given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("identical", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aRecordWhoseConclusionsNoLongerRebuildIsSaidToDiffer() throws Exception {
        JsonNode answer = json.readTree(decideWithFullTrace("COMPACT-DIFFERS"));
        JsonNode request = json.readTree(given().get("/api/v1/decisions/" + answer.get("decisionId").asText()).then().statusCode(200)
                .extract().asString()).get("request");
        ObjectNode conclusions = (ObjectNode) json.valueToTree(RecordedConclusions.of(
                json.treeToValue(answer, org.autocollections.api.Decision.class)));
        ((ObjectNode) conclusions.get("overdue")).put("bucket", "M3");
        ObjectNode payload = json.createObjectNode().<ObjectNode>set("request", request).set("decision", conclusions);
        String id = UUID.randomUUID().toString();
        insert(id, answer, "payload", RecordPayload.pack(json.writeValueAsBytes(payload)));

        JsonNode record = json.readTree(given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().asString());
        assertThat(record.get("reproduced").asBoolean()).isFalse();
        assertThat(record.get("response").at("/overdue/bucket").asText()).as("what was recorded is shown").isEqualTo("M3");
        assertThat(record.get("response").at("/decisionId").asText()).isEqualTo(id);
        assertThat(record.get("differences").toString()).contains("/overdue/bucket", "M3", "M2");
        given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("identical", org.hamcrest.Matchers.equalTo(false))
                .body("differences.path", org.hamcrest.Matchers.hasItem("/overdue/bucket"));
    }

    /** A record written straight to the table, with the identity and times of the answer and the given content. */
    private void insert(String id, JsonNode answer, String contentColumns, Object... content) throws Exception {
        String marks = "?, ".repeat(content.length - 1) + "?";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into decision_record (decision_id, case_id, decided_at, as_of, ruleset_version, next_action, "
                        + "stored_case, " + contentColumns + ") values (?, ?, ?, ?, ?, ?, false, " + marks + ")")) {
            insert.setString(1, id);
            insert.setString(2, answer.get("caseId").asText());
            insert.setTimestamp(3, Timestamp.from(Instant.parse(answer.get("decidedAt").asText())));
            insert.setTimestamp(4, Timestamp.from(Instant.parse(answer.get("asOf").asText())));
            insert.setString(5, answer.get("rulesetVersion").asText());
            insert.setString(6, answer.at("/nextAction/type").asText());
            for (int i = 0; i < content.length; i++) {
                insert.setObject(7 + i, content[i]);
            }
            insert.executeUpdate();
        }
    }
}
