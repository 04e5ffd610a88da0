package org.autocollections.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.autocollections.scoring.PortfolioRuns;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An analyst charts how buckets rolled from run to run: the series holds each run's roll matrix, as its summary. */
@QuarkusTest
class RollRateTrendTest {

    @Inject
    PortfolioRuns runs;

    @Test
    void theSeriesGivesEachRunsRollFromThePreviousRunAsItsSummaryDoes() throws InterruptedException {
        run("trend-a-" + System.nanoTime(), "2026-10-01T02:00:00Z");
        String second = run("trend-b-" + System.nanoTime(), "2026-11-01T02:00:00Z");

        List<Map<String, Object>> points = given().accept(ContentType.JSON).get("/api/v1/portfolio/roll-rates?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.runId == '" + second + "' }");
        JsonPath summary = given().get("/api/v1/portfolio/runs/" + second + "/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(points).isNotEmpty();
        assertThat(points).allSatisfy(p -> assertThat(p.get("previousRunId"))
                .isEqualTo(summary.getString("rollRates.previousRunId")));
        for (Map<String, Object> p : points) {
            Number counted = summary.get("rollRates.rows.find { it.from == '" + p.get("from") + "' }.to['" + p.get("to") + "']");
            assertThat(((Number) p.get("moved")).longValue()).as(p.get("from") + " -> " + p.get("to"))
                    .isEqualTo(counted.longValue());
        }
        // each bucket's cases go somewhere: its shares add up to one, give or take the rounding of each to 4 places
        Map<Object, Double> shares = points.stream().collect(Collectors.groupingBy(p -> p.get("from"),
                Collectors.summingDouble(p -> ((Number) p.get("rate")).doubleValue())));
        assertThat(shares.values()).allSatisfy(sum -> assertThat(sum).isBetween(0.999, 1.001));

        String csv = given().accept("text/csv").get("/api/v1/portfolio/roll-rates?limit=500").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().findFirst()).hasValue("runId,asOf,previousRunId,from,to,cases,moved,rate");
        assertThat(csv.lines().filter(l -> l.startsWith(second + ","))).hasSize(points.size());
    }

    private String run(String runId, String asOf) throws InterruptedException {
        given().contentType(ContentType.JSON).body("{\"runId\":\"" + runId + "\",\"asOf\":\"" + asOf + "\"}")
                .post("/api/v1/portfolio/runs").then().statusCode(202);
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).isTrue();
        return runId;
    }
}
