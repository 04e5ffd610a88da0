package org.autocollections.decisions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.TestClock;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.ActiveRuleset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DecisionResourceTest {

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    DecisionEngine engine;

    @Inject
    ActiveRuleset active;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFullTraceDecidesTheDocumentedExampleAndExplainsEachConclusion() {
        String version = given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");

        JsonPath d = given().contentType(ContentType.JSON).body(Cases.example().toString())
                .when().post("/api/v1/decisions?trace=full")
                .then().statusCode(200)
                .body("caseId", equalTo("CASE-1"))
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("rulesetVersion", equalTo(version))
                .extract().jsonPath();

        // Classification: 45 days past due on 29 November 2026 (due 15 October, Asia/Shanghai), bucket M2.
        assertThat(d.getInt("overdue.daysPastDue")).isEqualTo(45);
        assertThat(d.getString("overdue.bucket")).isEqualTo("M2");
        assertThat(d.getString("overdue.classification")).isEqualTo("SPECIAL_MENTION");
        // 4300.00 x 0.068 x 1.5 / 360 x 45 = 54.825, half-even to the cent
        assertThat(d.getDouble("overdue.penaltyInterest")).isEqualTo(54.82);
        assertReason(d, "BUCKET_M2", "Overdue bucket_12", "decision-tables/overdue-buckets.drl.csv#12");
        assertReason(d, "CLASSIFIED_SPECIAL_MENTION", "Five category classification_11",
                "decision-tables/overdue-classification.drl.csv#11");
        assertReason(d, "PENALTY_INTEREST", "Penalty interest accrues on the overdue amount", "rules/overdue.drl#L\\d+");

        // Contact method: a phone call with the M2 script, the row of the contact-method table that applied.
        assertThat(d.getString("contact.channel")).isEqualTo("PHONE");
        assertThat(d.getString("contact.scriptId")).isEqualTo("M2-NEGOTIATE");
        assertReason(d, "CHANNEL_PHONE", "The first contact row that applies sets a permitted channel",
                "rules/contact-method.drl#L\\d+");
        assertThat(d.getList("rulesFired.findAll { it.rule == 'Contact method_20' }.source"))
                .containsExactly("decision-tables/contact-method.drl.csv#20");

        // Frequency: the last call was four days ago, so the borrower may be called now, three more times today.
        assertThat(d.getString("contact.earliestNextContact")).isEqualTo("2026-11-29T02:00:00Z");
        assertThat(d.getInt("contact.attemptsLeftToday")).isEqualTo(3);
        assertReason(d, "CONTACT_NOW", "The chosen channel is scheduled within the contact limits",
                "rules/contact-frequency.drl#L\\d+");

        // Plan eligibility: an extension, two catch-ups and (after the borrower's illness) two restructures.
        assertThat(d.getBoolean("repaymentPlan.eligible")).isTrue();
        assertThat(d.getList("repaymentPlan.options.method")).containsExactly("DEFER_TO_END", "ARREARS_OVER_3_MONTHS",
                "ARREARS_OVER_6_MONTHS", "EQUAL_INSTALMENT", "EQUAL_PRINCIPAL");
        assertReason(d, "PLAN_EXTENSION", "Extension: defer the overdue instalments to the end of the term",
                "rules/repayment-plans.drl#L\\d+");
        assertReason(d, "PLAN_CATCH_UP", "Catch-up: spread the arrears and penalty over a few months",
                "rules/repayment-plans.drl#L\\d+");
        assertReason(d, "PLAN_RESTRUCTURE", "Restructure: re-amortise the balance over a longer term after a hardship",
                "rules/repayment-plans.drl#L\\d+");

        // Legal escalation: none yet; the limitation period runs three years from the last contact.
        assertThat(d.getString("legal.stage")).isEqualTo("NONE");
        assertThat(d.getString("legal.limitationExpiresOn")).isEqualTo("2029-11-25");
        assertReason(d, "LEGAL_NONE", "The legal step of lowest precedence is taken", "rules/legal-escalation.drl#L\\d+");
        assertReason(d, "LIMITATION_RUNNING", "The limitation period runs from the last event that restarts it",
                "rules/legal-escalation.drl#L\\d+");

        // Risk rating: the points of each factor, from their table rows, add up to 530: HIGH.
        assertThat(d.getString("risk.rating")).isEqualTo("HIGH");
        assertThat(d.getInt("risk.score")).isEqualTo(530);
        assertReason(d, "RATED_HIGH", "Rating bands_102", "decision-tables/risk-rating.drl.csv#102");
        assertReason(d, "POINTS_BUCKET", "Bucket points_12", "decision-tables/risk-rating.drl.csv#12");
        assertReason(d, "POINTS_CREDIT_SCORE", "Credit score points_40", "decision-tables/risk-rating.drl.csv#40");

        // Next action: offer a plan, the proposal of lowest rank.
        assertThat(d.getString("nextAction.type")).isEqualTo("OFFER_REPAYMENT_PLAN");
        assertThat(d.getInt("nextAction.priority")).isEqualTo(3);
        assertReason(d, "NEXT_OFFER_REPAYMENT_PLAN", "The proposal of lowest rank is the next action",
                "rules/next-action.drl#L\\d+");

        assertThat(d.getList("reasons.area")).containsOnly("OVERDUE", "CONTACT", "FREQUENCY", "PLAN", "LEGAL", "RISK", "ACTION");
    }

    /** The decision gives the reason {@code code}, naming the rule and its source (a table row or a DRL line). */
    private static void assertReason(JsonPath decision, String code, String rule, String sourcePattern) {
        List<Map<String, String>> reasons = decision.getList("reasons.findAll { it.code == '" + code + "' }");
        assertThat(reasons).as("the reasons %s", code).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("rule")).as(code + " rule").isEqualTo(rule);
            assertThat(r.get("source")).as(code + " source").matches(sourcePattern);
            assertThat(r.get("message")).as(code + " message").isNotBlank();
        });
        assertThat(decision.getList("rulesFired.findAll { it.rule == '" + rule + "' }.source", String.class))
                .as("%s among the rules fired", rule).isNotEmpty().allMatch(s -> s.matches(sourcePattern));
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

    @Test
    void byDefaultTheAnswerIsCompactAndHoldsTheRuleAndSourceOfEveryReason() throws Exception {
        byte[] compact = given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/decisions").then().statusCode(200).extract().asByteArray();
        JsonNode full = json.readTree(given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/decisions?trace=full").then().statusCode(200).extract().asByteArray());
        JsonNode d = json.readTree(compact);

        assertThat(compact.length).as("the M2 example's default answer, in bytes").isLessThanOrEqualTo(4096);
        assertThat(d.has("rulesFired")).isFalse();
        for (String conclusion : List.of("caseId", "rulesetVersion", "asOf", "overdue", "risk", "contact", "legal", "nextAction")) {
            assertThat(d.get(conclusion)).as(conclusion).isEqualTo(full.get(conclusion));
        }
        assertThat(d.at("/repaymentPlan/options").size()).isEqualTo(full.at("/repaymentPlan/options").size());
        assertThat(d.at("/repaymentPlan/options/0/monthlyPayment")).isEqualTo(full.at("/repaymentPlan/options/0/monthlyPayment"));
        // Every reason of the full answer is there, under its area, with its rule and source.
        for (JsonNode reason : full.get("reasons")) {
            ObjectNode compactReason = json.createObjectNode().put("code", reason.get("code").asText())
                    .put("rule", reason.get("rule").asText()).put("source", reason.get("source").asText());
            assertThat(d.at("/reasons/" + reason.get("area").asText())).as(reason.toString()).contains(compactReason);
        }
    }

    @Test
    void theFullTraceIsTheEnginesDecisionByteForByteButItsIdAndTime() throws Exception {
        clock.set(java.time.Instant.parse("2026-11-29T02:00:00Z"));
        String answer = given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/decisions?trace=full").then().statusCode(200).extract().asString();
        Decision served = json.readValue(answer, Decision.class);
        Decision engines = engine.decide(json.readValue(Cases.example().toString(), CollectionCase.class), active.current());

        assertThat(served.rulesFired()).isNotEmpty().isEqualTo(engines.rulesFired());
        String sameId = json.writeValueAsString(engines).replace(engines.decisionId(), served.decisionId());
        assertThat(answer).isEqualTo(sameId);
    }

    @Test
    void batchesGiveCompactDecisionsUnlessTheFullTraceIsAskedFor() {
        String body = "{\"cases\":[" + Cases.withDueDate("TRACE-A", "2026-11-20") + "," + Cases.example() + "]}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions/batch")
                .then().statusCode(200)
                .body("results.decision.rulesFired", equalTo(java.util.Arrays.asList(null, null)))
                .body("results[1].decision.reasons.OVERDUE.code", hasItems("BUCKET_M2"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions/batch?trace=full")
                .then().statusCode(200)
                .body("results[0].decision.rulesFired.size()", greaterThan(0))
                .body("results[1].decision.reasons.find { it.code == 'BUCKET_M2' }.message", equalTo("45 days past due: bucket M2"));
    }

    @Test
    void anUnknownTraceIsRefusedNamingTheParameter() {
        for (String path : List.of("/api/v1/decisions?trace=verbose", "/api/v1/decisions/batch?trace=FULL")) {
            given().contentType(ContentType.JSON).body("{\"cases\":[" + Cases.example() + "]}")
                    .post(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("trace"))
                    .body("errors[0].message", equalTo("must be compact or full"));
        }
        given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions?trace=compact")
                .then().statusCode(200).body("rulesFired", nullValue());
    }
}
