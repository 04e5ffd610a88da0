package org.autocollections.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.TestClock;
import org.autocollections.scoring.PortfolioRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An analyst asks how the cases of a portfolio run fared in the month after it, by what the run advised: the cases
 * are stored and decided by a real run, the payments and calls logged through the API as a servicer would.
 */
@QuarkusTest
class RunOutcomesTest {

    /** The run decides as of 1 September; the payment is logged on 20 October, after the month is over. */
    private static final String RUN_AS_OF = "2026-09-01T02:00:00Z";
    private static final Instant LOGGED = Instant.parse("2026-10-20T00:00:00Z");
    private static final String BEFORE_LOG = "2026-10-19T00:00:00Z";
    private static final String AFTER_LOG = "2026-10-21T00:00:00Z";

    @Inject
    PortfolioRuns runs;

    @Inject
    TestClock clock;

    /** One run for the whole class: each test reads it differently. */
    private static String runId;

    @BeforeEach
    void aRunAndWhatHappenedAfter() throws InterruptedException {
        if (runId != null) {
            return;
        }
        store("ANL-PAID");
        store("ANL-SILENT");
        String run = "analytics-" + System.nanoTime();
        given().contentType(ContentType.JSON).body("{\"runId\":\"" + run + "\",\"asOf\":\"" + RUN_AS_OF + "\"}")
                .post("/api/v1/portfolio/runs").then().statusCode(202);
        assertThat(runs.await(run, 5, TimeUnit.MINUTES)).as("the run ends").isTrue();
        clock.set(LOGGED);
        try {
            log("ANL-PAID", "payments", "{\"paymentId\":\"P-" + run + "\",\"on\":\"2026-09-10\",\"amount\":2000.00}");
            log("ANL-PAID", "contacts", "{\"attemptId\":\"C-" + run + "\",\"at\":\"2026-09-05T10:30:00+08:00\","
                    + "\"channel\":\"PHONE\",\"outcome\":\"PROMISE_TO_PAY\"}");
        } finally {
            clock.reset();
        }
        runId = run;
    }

    @Test
    void aPaymentLoggedByTheReportsInstantCuresItsCaseInItsBucket() {
        Map<String, Object> before = group(report("bucket", BEFORE_LOG), "M1");
        Map<String, Object> after = group(report("bucket", AFTER_LOG), "M1");

        assertThat(after.get("cases")).as("the same run's cases either way").isEqualTo(before.get("cases"));
        assertThat(count(after, "cureRate") - count(before, "cureRate")).as("ANL-PAID paid up").isEqualTo(1);
        assertThat(count(after, "rightPartyContactRate") - count(before, "rightPartyContactRate")).isEqualTo(1);
        assertThat(new BigDecimal(after.get("collected").toString())
                .subtract(new BigDecimal(before.get("collected").toString()))).isEqualByComparingTo("2000.00");
        @SuppressWarnings("unchecked")
        Map<String, Object> cure = (Map<String, Object>) after.get("cureRate");
        double rate = ((Number) cure.get("rate")).doubleValue();
        assertThat(((Number) cure.get("lower")).doubleValue()).isLessThanOrEqualTo(rate);
        assertThat(((Number) cure.get("upper")).doubleValue()).isGreaterThanOrEqualTo(rate);
    }

    @Test
    void theSameInstantGivesTheSameReport() {
        String first = given().get(path("action", AFTER_LOG)).then().statusCode(200).extract().asString();
        assertThat(given().get(path("action", AFTER_LOG)).then().statusCode(200).extract().asString()).isEqualTo(first);
    }

    @Test
    void everyDecidedCaseIsInExactlyOneGroupWhateverTheGrouping() {
        int decided = given().get("/api/v1/portfolio/runs/" + runId + "/summary").then().statusCode(200)
                .extract().path("decided");
        for (String by : List.of("action", "channel", "script", "bucket")) {
            JsonPath report = report(by, AFTER_LOG);
            assertThat(report.getString("by")).isEqualTo(by);
            assertThat(report.getList("groups.cases", Integer.class).stream().mapToInt(Integer::intValue).sum())
                    .as(by).isEqualTo(decided);
        }
    }

    @Test
    void aWindowNotYetOverCountsForNoRate() {
        Map<String, Object> early = group(report("bucket", "2026-09-15T00:00:00Z"), "M1");
        assertThat(early.get("observed")).isEqualTo(0);
        assertThat(early.get("notYetObservable")).isEqualTo(early.get("cases"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cure = (Map<String, Object>) early.get("cureRate");
        assertThat(cure.get("rate")).isNull();
    }

    @Test
    void theReportDownloadsAsCsvOneRowPerGroup() {
        JsonPath json = report("bucket", AFTER_LOG);
        String csv = given().accept("text/csv").get(path("bucket", AFTER_LOG)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("bucket,cases,observed,notYetObservable,noSchedule,cured,cureRate,");
        assertThat(lines).hasSize(1 + json.getList("groups").size());
        Map<String, Object> m1 = group(json, "M1");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("M1," + m1.get("cases") + ","
                + m1.get("observed") + ","));
    }

    @Test
    void aBadParameterIsRefusedNamingIt() {
        String run = "/api/v1/portfolio/runs/" + runId + "/outcomes";
        given().get(run + "?window=P45D").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("window"));
        given().get(run + "?by=colour").then().statusCode(400).body("errors[0].field", equalTo("by"));
        given().get(run + "?asOf=yesterday").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().get(run + "?format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().get("/api/v1/portfolio/runs/no-such-run/outcomes").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private String path(String by, String asOf) {
        return "/api/v1/portfolio/runs/" + runId + "/outcomes?window=P30D&by=" + by + "&asOf=" + asOf;
    }

    private JsonPath report(String by, String asOf) {
        return given().accept(ContentType.JSON).get(path(by, asOf)).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> group(JsonPath report, String value) {
        Map<String, Object> group = report.getMap("groups.find { it.value == '" + value + "' }");
        assertThat(group).as("group " + value).isNotNull();
        return group;
    }

    @SuppressWarnings("unchecked")
    private static int count(Map<String, Object> group, String rate) {
        return ((Number) ((Map<String, Object>) group.get(rate)).get("count")).intValue();
    }

    /** One instalment of 1,000 overdue since 20 August; instalments fall due on the 20th. */
    private static void store(String caseId) {
        ObjectNode c = Cases.withDueDate(caseId, "2026-08-20");
        c.remove("history");
        c.remove("asOf");
        Cases.object(c, "loan").put("overdueAmount", 1000.00).put("monthlyInstalment", 1000.00);
        given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/" + caseId)
                .then().statusCode(201);
    }

    private static void log(String caseId, String log, String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/" + log).then().statusCode(201);
    }
}
