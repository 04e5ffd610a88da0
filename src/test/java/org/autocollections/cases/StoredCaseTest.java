package org.autocollections.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A servicer keeps its cases here, logs each contact as it happens, and decides with the stored history. */
@QuarkusTest
class StoredCaseTest {

    /** The example case, stored without history, overdue since 15 October (M2: the policy calls). */
    private static String store(String caseId) {
        ObjectNode c = Cases.withDueDate(caseId, "2026-10-15");
        c.remove("history");
        c.remove("asOf");
        Cases.object(c, "borrower").put("hardship", "NONE"); // no plan to offer: the next action is a call
        given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/" + caseId).then().statusCode(201);
        return caseId;
    }

    private static int logCall(String caseId, String attemptId, String at, String outcome) {
        return given().contentType(ContentType.JSON)
                .body("{\"attemptId\":\"" + attemptId + "\",\"at\":\"" + at + "\",\"channel\":\"PHONE\",\"outcome\":\"" + outcome + "\"}")
                .post("/api/v1/cases/" + caseId + "/contacts").then().extract().statusCode();
    }

    @Test
    void aCaseIsStoredAndReadBackAndAnUpdateIsNotACreation() {
        String id = store("STORE-1");
        given().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("caseId", equalTo(id))
                .body("caseData.loan.outstandingBalance", equalTo(86000.00f))
                .body("revision", equalTo(0));
        ObjectNode changed = Cases.withDueDate(id, "2026-10-15");
        changed.remove("history");
        Cases.object(changed, "loan").put("outstandingBalance", 85000);
        given().contentType(ContentType.JSON).body(changed.toString()).put("/api/v1/cases/" + id).then().statusCode(200)
                .body("caseData.loan.outstandingBalance", equalTo(85000))
                .body("revision", equalTo(1));
    }

    @Test
    void historyCannotBeSentWithTheCase() {
        given().contentType(ContentType.JSON).body(Cases.example().toString()).put("/api/v1/cases/CASE-1")
                .then().statusCode(400).body("errors[0].field", equalTo("history"));
    }

    @Test
    void aRetriedContactCountsOnceTowardsTheDailyCap() {
        String id = store("CAP-1");
        // Five unanswered calls on 29 November (Shanghai), the fifth sent twice by a retrying client.
        for (int i = 1; i <= 5; i++) {
            String at = String.format("2026-11-29T%02d:00:00+08:00", i + 8);
            org.junit.jupiter.api.Assertions.assertEquals(201, logCall(id, "C" + i, at, "NO_ANSWER"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, logCall(id, "C5", "2026-11-29T13:00:00+08:00", "NO_ANSWER"));

        given().queryParam("asOf", "2026-11-29T15:00:00+08:00").post("/api/v1/cases/" + id + "/decisions").then().statusCode(200)
                .body("nextAction.type", equalTo("CALL"))
                .body("contact.attemptsLeftToday", equalTo(1))
                .body("contact.earliestNextContact", equalTo("2026-11-29T07:00:00Z"))
                // compact by default: the frequency reason names its rule, the fired-rule list is left out
                .body("reasons.FREQUENCY.rule", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString())))
                .body("rulesFired", org.hamcrest.Matchers.nullValue());

        // The sixth attempt reaches the cap of six a day: the next call waits for 08:00 tomorrow, Shanghai time.
        org.junit.jupiter.api.Assertions.assertEquals(201, logCall(id, "C6", "2026-11-29T15:30:00+08:00", "NO_ANSWER"));
        given().queryParam("asOf", "2026-11-29T16:00:00+08:00").post("/api/v1/cases/" + id + "/decisions").then().statusCode(200)
                .body("nextAction.type", equalTo("CALL"))
                .body("contact.attemptsLeftToday", equalTo(0))
                .body("contact.earliestNextContact", equalTo("2026-11-30T00:00:00Z"))
                .body("nextAction.notBefore", equalTo("2026-11-30T00:00:00Z"));
    }

    @Test
    void anAttemptIdReusedForADifferentContactIsAConflict() {
        String id = store("CONFLICT-1");
        org.junit.jupiter.api.Assertions.assertEquals(201, logCall(id, "X1", "2026-11-29T09:00:00+08:00", "NO_ANSWER"));
        given().contentType(ContentType.JSON)
                .body("{\"attemptId\":\"X1\",\"at\":\"2026-11-29T09:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"CONTACTED\"}")
                .post("/api/v1/cases/" + id + "/contacts").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://autocollections.org/problems/entry-conflict"));
    }

    @Test
    void loggingOnAnUnknownCaseIsA404Problem() {
        given().contentType(ContentType.JSON)
                .body("{\"attemptId\":\"X1\",\"at\":\"2026-11-29T09:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"CONTACTED\"}")
                .post("/api/v1/cases/NOBODY/contacts").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownTraceOnAStoredCaseIsAProblemNamingIt() {
        String id = store("TRACE-1");
        given().queryParam("asOf", "2026-11-29T15:00:00+08:00").queryParam("trace", "all")
                .post("/api/v1/cases/" + id + "/decisions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("trace"));
    }

    @Test
    void aLogEntryOfTheWrongTypeIsAProblemNamingTheField() {
        String id = store("WRONG-TYPE-LOG");
        // a channel by its position was taken as LETTER; a wrong type was answered with the JSON reader's plain JSON
        given().contentType(ContentType.JSON).body("{\"attemptId\":\"W1\",\"at\":\"2026-11-29T09:00:00+08:00\",\"channel\":4,"
                + "\"outcome\":\"CONTACTED\"}").post("/api/v1/cases/" + id + "/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("errors[0].field", equalTo("channel"));
        given().contentType(ContentType.JSON).body("{\"paymentId\":\"P1\",\"on\":20261129,\"amount\":\"500\"}")
                .post("/api/v1/cases/" + id + "/payments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("on"));
        given().contentType(ContentType.JSON).body("{\"paymentId\":\"P1\",\"on\":\"2026-11-01\",\"amount\":0E+20000}")
                .post("/api/v1/cases/" + id + "/payments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
    }

    @Test
    void anInvalidLogNamesTheField() {
        String id = store("INVALID-LOG");
        given().contentType(ContentType.JSON).body("{\"attemptId\":\"\",\"at\":\"2026-11-29T09:00:00+08:00\",\"channel\":\"PHONE\"}")
                .post("/api/v1/cases/" + id + "/contacts").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("attemptId", "outcome"));
    }

    @Test
    void storedLegalActionsPromisesAndPaymentsReachTheDecision() {
        String id = store("LEGAL-1");
        given().contentType(ContentType.JSON).body("{\"actionId\":\"DN-1\",\"stage\":\"DEMAND_NOTICE\",\"on\":\"2026-11-01\"}")
                .post("/api/v1/cases/" + id + "/legal-actions").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"actionId\":\"DN-1\",\"stage\":\"DEMAND_NOTICE\",\"on\":\"2026-11-01\"}")
                .post("/api/v1/cases/" + id + "/legal-actions").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"promiseId\":\"P-1\",\"madeAt\":\"2026-10-20T10:00:00+08:00\",\"dueOn\":\"2026-10-25\",\"amount\":2150.00,\"status\":\"OPEN\"}")
                .post("/api/v1/cases/" + id + "/promises").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"promiseId\":\"P-1\",\"madeAt\":\"2026-10-20T10:00:00+08:00\",\"dueOn\":\"2026-10-25\",\"amount\":2150.00,\"status\":\"BROKEN\"}")
                .post("/api/v1/cases/" + id + "/promises").then().statusCode(200);
        // 29 January 2027: 106 days past due, the demand notice 89 days old: the lawyer's letter is due.
        given().queryParam("asOf", "2027-01-29T10:00:00+08:00").queryParam("trace", "full")
                .post("/api/v1/cases/" + id + "/decisions").then().statusCode(200)
                .body("legal.stage", equalTo("LAWYER_LETTER"))
                .body("nextAction.type", equalTo("SEND_LAWYER_LETTER"))
                .body("reasons.find { it.code == 'POINTS_BROKEN_PROMISES' }.message", org.hamcrest.Matchers.containsString("1 broken"))
                .body("rulesFired.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("legal.limitationExpiresOn", equalTo("2029-11-01"));
        // A part payment after the notice restarts the limitation period (SPC provisions art. 14): the same case
        // decided again runs it from the payment.
        given().contentType(ContentType.JSON).body("{\"paymentId\":\"PAY-1\",\"on\":\"2026-11-10\",\"amount\":2150.00}")
                .post("/api/v1/cases/" + id + "/payments").then().statusCode(201);
        given().queryParam("asOf", "2027-01-29T10:00:00+08:00").queryParam("trace", "full")
                .post("/api/v1/cases/" + id + "/decisions").then().statusCode(200)
                .body("legal.limitationExpiresOn", equalTo("2029-11-10"))
                .body("reasons.find { it.code == 'LIMITATION_RUNNING' }.message",
                        org.hamcrest.Matchers.containsString("runs from the last payment on 2026-11-10"));
    }

    @Test
    void aLoggedDeliveredMessageRestartsTheLimitationPeriod() {
        ObjectNode c = Cases.withDueDate("DELIVERED-1", "2022-03-15");
        c.remove("history");
        c.remove("asOf");
        given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/DELIVERED-1").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"attemptId\":\"SMS-1\",\"at\":\"2024-06-10T10:00:00+08:00\",\"channel\":\"SMS\",\"outcome\":\"DELIVERED\"}")
                .post("/api/v1/cases/DELIVERED-1/contacts").then().statusCode(201).body("outcome", equalTo("DELIVERED"));
        // The SMS reached the borrower on 10 June 2024: a demand by data message (PRC Civil Code art. 195(1)).
        given().queryParam("asOf", "2026-11-29T10:00:00+08:00").post("/api/v1/cases/DELIVERED-1/decisions").then().statusCode(200)
                .body("legal.limitationExpiresOn", equalTo("2027-06-10"))
                .body("nextAction.type", equalTo("SEND_DEMAND_NOTICE"));
    }

    @Test
    void aCeaseNoticeLoggedWithItsPurposeIsNotSentAgain() {
        ObjectNode c = Cases.withDueDate("CEASE-1", "2026-10-15");
        c.remove("history");
        c.remove("asOf");
        Cases.object(c, "borrower").put("hardship", "NONE").putArray("flags").add("CEASE_COMMUNICATION");
        given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/CEASE-1").then().statusCode(201);
        given().queryParam("asOf", "2026-11-29T10:00:00+08:00").post("/api/v1/cases/CEASE-1/decisions").then().statusCode(200)
                .body("nextAction.type", equalTo("NOTIFY_EFFORTS_TERMINATED"));
        String notice = "{\"attemptId\":\"L-1\",\"at\":\"2026-11-29T11:00:00+08:00\",\"channel\":\"LETTER\","
                + "\"outcome\":\"DELIVERED\",\"purpose\":\"EFFORTS_TERMINATED\"}";
        given().contentType(ContentType.JSON).body(notice).post("/api/v1/cases/CEASE-1/contacts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(notice.replace("EFFORTS_TERMINATED", "REMEDIES_AVAILABLE"))
                .post("/api/v1/cases/CEASE-1/contacts").then().statusCode(409);
        // Regulation F 12 CFR 1006.6(c): each permitted notice once; with no legal step due, nothing else may be sent.
        given().queryParam("asOf", "2026-11-29T12:00:00+08:00").post("/api/v1/cases/CEASE-1/decisions").then().statusCode(200)
                .body("nextAction.type", equalTo("HOLD"));
    }

    @jakarta.inject.Inject
    org.autocollections.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void decisionsOfAStoredCaseAreListedNewestFirstAndPaged() {
        String id = store("HISTORY-1");
        clock.set(java.time.Instant.parse("2026-11-20T02:00:00Z"));
        String first = given().queryParam("asOf", "2026-11-20T10:00:00+08:00").post("/api/v1/cases/" + id + "/decisions").then().statusCode(200).extract().path("decisionId");
        clock.set(java.time.Instant.parse("2026-11-21T02:00:00Z"));
        String second = given().queryParam("asOf", "2026-11-21T10:00:00+08:00").post("/api/v1/cases/" + id + "/decisions").then().statusCode(200).extract().path("decisionId");
        clock.set(java.time.Instant.parse("2026-11-22T02:00:00Z"));
        String third = given().queryParam("asOf", "2026-11-22T10:00:00+08:00").post("/api/v1/cases/" + id + "/decisions").then().statusCode(200).extract().path("decisionId");
        given().get("/api/v1/cases/" + id + "/decisions?size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2));
        List<String> all = given().get("/api/v1/cases/" + id + "/decisions").then().extract().path("items.decisionId");
        org.assertj.core.api.Assertions.assertThat(all).containsExactly(third, second, first);
        given().get("/api/v1/cases/" + id + "/decisions?page=1&size=2").then().body("items", hasSize(1));
        given().get("/api/v1/cases/" + id + "/decisions?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
