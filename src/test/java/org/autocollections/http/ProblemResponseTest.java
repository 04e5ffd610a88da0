package org.autocollections.http;

import org.autocollections.api.Problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every client mistake gets a 4xx problem naming what is wrong; none gets a 500 or a bare error page. */
@QuarkusTest
class ProblemResponseTest {

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then()
                .contentType(Problem.MEDIA_TYPE);
    }

    private static ValidatableResponse decide(ObjectNode c) {
        return post("/api/v1/decisions", c.toString());
    }

    private static void fieldError(ObjectNode c, String field, String message) {
        decide(c).statusCode(400)
                .body("type", equalTo("https://autocollections.org/problems/invalid-case"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/decisions"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    /** PostgreSQL text cannot hold U+0000; found by the fuzz tests on PostgreSQL, where it was a 500. */
    @Test
    void aNulCharacterIsRefusedNamingTheFieldOrParameter() {
        ObjectNode c = Cases.example();
        c.put("caseId", "A\u0000B");
        given().contentType(ContentType.JSON).body(c.toString()).post("/api/v1/decisions").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("caseId"));
        given().urlEncodingEnabled(false).get("/api/v1/cases/A%00B").then().statusCode(400).body("errors[0].field", equalTo("caseId"));
        given().urlEncodingEnabled(false).get("/api/v1/portfolio/runs/A%00B/worklist").then().statusCode(400).body("errors[0].field", equalTo("runId"));
        given().contentType(ContentType.JSON)
                .body("{\"attemptId\":\"C\\u0000\",\"at\":\"2026-11-28T10:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}")
                .post("/api/v1/cases/ANY/contacts").then().statusCode(400).body("errors[0].field", equalTo("attemptId"));
    }

    @Test
    void malformedJsonIsA400WithItsPosition() {
        post("/api/v1/decisions", "{\"caseId\": \"X\",\n \"loan\": {").statusCode(400)
                .body("type", equalTo("https://autocollections.org/problems/malformed-json"))
                .body("detail", containsString("line 2"));
    }

    @Test
    void aMissingCaseIdIsNamed() {
        ObjectNode c = Cases.example();
        c.remove("caseId");
        fieldError(c, "caseId", "must not be blank");
    }

    @Test
    void aCaseIdOver64CharactersIsRefused() {
        ObjectNode c = Cases.example();
        c.put("caseId", "X".repeat(65));
        fieldError(c, "caseId", "size must be between 0 and 64");
    }

    @Test
    void aNegativeAmountIsNamed() {
        ObjectNode c = Cases.example();
        Cases.object(c, "loan").put("overdueAmount", -1);
        fieldError(c, "loan.overdueAmount", "non-negative");
    }

    @Test
    void anAmountWithFractionsOfACentIsRefused() {
        ObjectNode c = Cases.example();
        Cases.object(c, "loan").put("outstandingBalance", new java.math.BigDecimal("100.001"));
        fieldError(c, "loan.outstandingBalance", "at most two decimals");
    }

    @Test
    void anOverdueAmountAboveTheBalanceIsRefused() {
        ObjectNode c = Cases.example();
        Cases.object(c, "loan").put("overdueAmount", 90000);
        fieldError(c, "loan.overdueAmount", "must not exceed loan.outstandingBalance");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        ObjectNode c = Cases.example();
        Cases.object(c, "borrower").put("employment", "ASTRONAUT");
        fieldError(c, "borrower.employment", "must be one of [EMPLOYED, SELF_EMPLOYED");
    }

    @Test
    void anEnumInsideAListIsNamedWithItsIndex() {
        ObjectNode c = Cases.example();
        ((ObjectNode) c.get("history").get("contacts").get(1)).put("outcome", "MAYBE");
        fieldError(c, "history.contacts[1].outcome", "must be one of");
    }

    @Test
    void anAsOfThatIsNotATimestampIsNamed() {
        ObjectNode c = Cases.example();
        c.put("asOf", "next tuesday");
        fieldError(c, "asOf", "must be a timestamp with offset");
    }

    @Test
    void aCreditScoreOutOfRangeIsNamed() {
        ObjectNode c = Cases.example();
        Cases.object(c, "borrower").put("creditScore", 900);
        fieldError(c, "borrower.creditScore", "less than or equal to 850");
    }

    @Test
    void anUnknownTimeZoneIsNamed() {
        ObjectNode c = Cases.example();
        Cases.object(c, "borrower").put("timeZone", "Mars/Olympus_Mons");
        fieldError(c, "borrower.timeZone", "IANA time zone");
    }

    @Test
    void aUsCaseNeedsTheBorrowersTimeZone() {
        ObjectNode c = Cases.example();
        c.put("jurisdiction", "US");
        Cases.object(c, "borrower").remove("timeZone");
        fieldError(c, "borrower.timeZone", "required for US cases");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        ObjectNode c = Cases.example();
        Cases.object(c, "loan").put("overdueAmt", 100);
        fieldError(c, "loan.overdueAmt", "is not a field of Loan");
    }

    @Test
    void aNumberSentAsTextIsRefused() {
        ObjectNode c = Cases.example();
        Cases.object(c, "loan").put("outstandingBalance", "86000");
        fieldError(c, "loan.outstandingBalance", "must be a number");
    }

    @Test
    void aMissingLoanIsNamed() {
        ObjectNode c = Cases.example();
        c.remove("loan");
        fieldError(c, "loan", "must not be null");
    }

    @Test
    void aNumberTooLongToWriteOutIsRefusedNotAFailure() {
        // 1e-10000 passed the 0-1 range and then failed with a 500 when the decision was written
        String body = Cases.example().toString().replace("\"annualInterestRate\":0.068", "\"annualInterestRate\":1e-10000");
        post("/api/v1/decisions", body).statusCode(400)
                .body("errors[0].field", equalTo("loan.annualInterestRate"))
                .body("errors[0].message", containsString("at most 1000 digits"));
    }

    @Test
    void aTimestampBeyondTheYear9999IsRefusedNotAFailure() {
        // counting days from the year -999999999 failed with a 500
        ObjectNode c = Cases.example();
        c.put("asOf", "-999999999-01-01T00:00:00+18:00");
        fieldError(c, "asOf", "between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        ObjectNode d = Cases.example();
        Cases.object(d, "loan").put("oldestUnpaidDueDate", "+999999999-12-31");
        fieldError(d, "loan.oldestUnpaidDueDate", "between 0001-01-01 and 9999-12-31");
    }

    @Test
    void aDateSentAsANumberIsRefused() {
        // were taken as seconds and days since 1970
        ObjectNode c = Cases.example();
        c.put("asOf", 1764381600);
        fieldError(c, "asOf", "must be a timestamp with offset");
        ObjectNode d = Cases.example();
        Cases.object(d, "loan").put("oldestUnpaidDueDate", 20261129);
        fieldError(d, "loan.oldestUnpaidDueDate", "must be a date");
    }

    @Test
    void aValueOfAnotherTypeIsNotConverted() {
        // "" was taken as no score, 0 as false, true as the text "true"
        ObjectNode c = Cases.example();
        Cases.object(c, "borrower").put("creditScore", "");
        fieldError(c, "borrower.creditScore", "must be a number");
        ObjectNode d = Cases.example();
        ((ObjectNode) Cases.object(d, "borrower").get("consents")).put("phone", 0);
        fieldError(d, "borrower.consents.phone", "must be true or false");
        ObjectNode e = Cases.example();
        Cases.object(e, "loan").put("loanId", true);
        fieldError(e, "loan.loanId", "must be a string");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        // the last one used to win, silently
        String body = "{\"caseId\":\"OTHER\"," + Cases.example().toString().substring(1);
        post("/api/v1/decisions", body).statusCode(400)
                .body("type", equalTo("https://autocollections.org/problems/malformed-json"))
                .body("detail", containsString("Duplicate field 'caseId'"));
    }

    @Test
    void anythingAfterTheCaseIsRefused() {
        // the second value used to be ignored
        post("/api/v1/decisions", Cases.example() + " {\"caseId\":\"B\"}").statusCode(400).body("status", equalTo(400))
                .body("type", equalTo("https://autocollections.org/problems/malformed-json"));
    }

    @Test
    void brokenJsonInsideALogEntryOrARunRequestIsMalformedJson() {
        // the record's reader wrapped the syntax error with the field it was in: it was answered as that field's fault
        for (String[] call : new String[][] { { "/api/v1/cases/NO-SUCH-CASE/contacts", "{\"attemptId\":\"A-1\",\"at\":\"2026" },
                { "/api/v1/cases/NO-SUCH-CASE/payments", "{\"paymentId\":\"P-1\",\"amount\":5,,}" },
                { "/api/v1/portfolio/runs", "{\"runId\":\"r-1\",\"chunkSize\":tru}" } }) {
            post(call[0], call[1]).statusCode(400).body("type", equalTo("https://autocollections.org/problems/malformed-json"));
        }
    }

    @Test
    void anOverlongUtf8FormIsMalformedNotTheCharacterItSpells() {
        // C0 AF spells '/' in an overlong form; the JSON reader took it for '/', and decided the case "/B"
        byte[] body = "{\"caseId\":\"__B\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body[11] = (byte) 0xC0;
        body[12] = (byte) 0xAF;
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://autocollections.org/problems/malformed-json"));
    }

    @Test
    void threeCapitalsThatAreNoCurrencyAreRefused() {
        ObjectNode c = Cases.example();
        Cases.object(c, "loan").put("currency", "ZZZ");
        fieldError(c, "loan.currency", "ISO 4217");
    }

    @Test
    void aNullFlagIsRefusedNamingTheFlags() {
        ObjectNode c = Cases.example();
        Cases.object(c, "borrower").putArray("flags").addNull();
        fieldError(c, "borrower.flags", "must not be null");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        post("/api/v1/decisions", "[1, 2]").statusCode(400).body("detail", containsString("JSON object"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        given().contentType(ContentType.JSON).when().post("/api/v1/decisions").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyOverTheSizeLimitIsA413Problem() {
        String huge = "{\"caseId\":\"" + "X".repeat(5 * 1024 * 1024) + "\"}";
        post("/api/v1/decisions", huge).statusCode(413)
                .body("type", equalTo("https://autocollections.org/problems/body-too-large"))
                .body("detail", containsString("limit"));
    }

    @Test
    void aBatchOverOneThousandCasesIsRefused() {
        String one = Cases.example().toString();
        String body = "{\"cases\":[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]}";
        post("/api/v1/decisions/batch", body).statusCode(400)
                .body("errors[0].field", equalTo("cases"))
                .body("errors[0].message", containsString("1 to 1000 cases, not 1001"));
    }

    @Test
    void aBatchWithoutCasesIsRefused() {
        post("/api/v1/decisions/batch", "{\"items\": []}").statusCode(400).body("errors[0].field", equalTo("cases"));
    }

    @Test
    void theWrongContentTypeIsA415Problem() {
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/v1/decisions").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", startsWith("https://autocollections.org/problems/"));
    }
}
