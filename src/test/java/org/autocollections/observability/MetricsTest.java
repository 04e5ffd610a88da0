package org.autocollections.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.scoring.PortfolioRuns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The Prometheus scrape at /q/metrics: the service's own metrics, and HTTP metrics without ids in their labels. */
@QuarkusTest
class MetricsTest {

    @Inject
    ActiveRuleset active;

    @Inject
    PortfolioRuns runs;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one series whose line starts with the given name and labels, or -1 if there is none. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void decisionsAreCountedTimedAndTheirRulesFiredMeasured() {
        String before = scrape();
        double cnDecided = value(before, "collections_decision_seconds_count");
        given().contentType(ContentType.JSON).body(Cases.withDueDate("MET-CASE-1", "2026-10-15").toString())
                .post("/api/v1/decisions").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"cases\":[" + Cases.withDueDate("MET-CASE-2", null) + "," + Cases.withDueDate("MET-CASE-3", "2026-10-15") + "]}")
                .post("/api/v1/decisions/batch").then().statusCode(200);
        ObjectNode stored = Cases.withDueDate("MET-CASE-4", "2026-10-15");
        stored.remove("history");
        stored.remove("asOf");
        given().contentType(ContentType.JSON).body(stored.toString())
                .put("/api/v1/cases/MET-CASE-4").then().statusCode(201);
        given().post("/api/v1/cases/MET-CASE-4/decisions").then().statusCode(200);

        String after = scrape();
        assertThat(value(after, "collections_decision_seconds_count")).isEqualTo(Math.max(cnDecided, 0) + 4);
        assertThat(after).contains("# TYPE collections_decision_seconds histogram")
                .containsPattern("collections_decision_seconds_bucket\\{le=\"[0-9.]+\"}")
                .contains("collections_rules_fired_count")
                .containsPattern("collections_decisions_total\\{jurisdiction=\"CN\",next_action=\"[A-Z_]+\",outcome=\"decided\"} [0-9.]+")
                .contains("collections_audit_write_failures_total 0.0");
        double decided = after.lines().filter(l -> l.startsWith("collections_decisions_total{") && l.contains("outcome=\"decided\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(decided).isGreaterThanOrEqualTo(4);
        assertThat(value(after, "collections_rules_fired_sum")).isPositive();
    }

    @Test
    void theActiveRulesetVersionIsShownAndFollowsAReload() throws Exception {
        String version = active.current().version();
        String scrape = scrape();
        assertThat(value(scrape, "collections_ruleset_active_info{version=\"" + version + "\"}")).isEqualTo(1.0);
        assertThat(value(scrape, "collections_ruleset_compile_seconds")).isPositive();

        given().post("/api/v1/rulesets/reload").then().statusCode(200);
        String reloaded = active.current().version();
        List<String> series = scrape().lines().filter(l -> l.startsWith("collections_ruleset_active_info{")).toList();
        assertThat(series).containsExactly("collections_ruleset_active_info{version=\"" + reloaded + "\"} 1.0");
    }

    @Test
    void httpMetricsNameTheRouteTemplateNeverTheCaseOrDecisionId() {
        String decisionId = given().contentType(ContentType.JSON)
                .body(Cases.withDueDate("MET-SECRET-CASE", "2026-10-15").toString())
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
        given().get("/api/v1/decisions/" + decisionId).then().statusCode(200);
        given().get("/api/v1/cases/MET-SECRET-CASE").then().statusCode(404);
        given().get("/api/v1/decisions/no-such-decision-42").then().statusCode(404);

        String scrape = scrape();
        assertThat(scrape).contains("uri=\"/api/v1/decisions/{decisionId}\"").contains("uri=\"/api/v1/cases/{caseId}\"")
                .doesNotContain("MET-SECRET-CASE").doesNotContain(decisionId).doesNotContain("no-such-decision-42");
    }

    @Test
    void portfolioRunsCountTheirCasesByOutcome() throws Exception {
        for (int i = 0; i < 3; i++) {
            ObjectNode c = Cases.withDueDate("MET-RUN-" + i, "2026-10-15");
            c.remove("history");
            c.remove("asOf");
            given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/MET-RUN-" + i).then().statusCode(201);
        }
        double before = Math.max(0, value(scrape(), "collections_portfolio_cases_total{outcome=\"decided\"}"));
        String runId = given().contentType(ContentType.JSON).body("{\"asOf\":\"2026-11-29T02:00:00Z\"}")
                .post("/api/v1/portfolio/runs").then().statusCode(202).extract().path("runId");
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).isTrue();

        io.restassured.path.json.JsonPath run = given().get("/api/v1/portfolio/runs/" + runId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED")).extract().jsonPath();
        assertThat(run.getLong("failed")).isZero();
        assertThat(run.getLong("decided")).as("the three cases stored here among the run's").isGreaterThanOrEqualTo(3);
        String scrape = scrape();
        assertThat(value(scrape, "collections_portfolio_cases_total{outcome=\"decided\"}")).isEqualTo(before + run.getLong("decided"));
        assertThat(scrape).as("a finished run leaves no progress series").doesNotContain(runId);
    }
}
