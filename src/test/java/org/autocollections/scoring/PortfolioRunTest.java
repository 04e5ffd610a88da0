package org.autocollections.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.bulk.Shard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The nightly run over the stored portfolio, as a batch scheduler and the collectors' desk use it: start, follow,
 * summary, work list, roll rates, shards and cancellation, all through the API, against the real database.
 */
@QuarkusTest
class PortfolioRunTest {

    private static final String AS_OF = "2026-11-29T02:00:00Z";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PortfolioScorer scorer;

    @Inject
    RunStore store;

    @Inject
    PortfolioRuns runs;

    /** Whether this service holds the book already: no test changes it, so it is stored once, not before each test. */
    private static boolean stored;

    /** Stored cases RUN-0 ... overdue from 0 to 400 days, balances and scores varying. */
    @BeforeEach
    void portfolio() {
        if (stored) {
            return;
        }
        for (int i = 0; i < 90; i++) {
            ObjectNode c = Cases.withDueDate("RUN-" + i, i % 9 == 0 ? null : TODAY.minusDays((i * 37L) % 400 + 1).toString());
            c.remove("history");
            c.remove("asOf");
            Cases.object(c, "loan").put("outstandingBalance", new BigDecimal(40_000 + i * 1_000 + ".00"));
            Cases.object(c, "borrower").put("creditScore", 300 + (i * 13) % 550);
            // created, or updated when an earlier service start on the same database stored it
            int expected = given().get("/api/v1/cases/RUN-" + i).statusCode() == 404 ? 201 : 200;
            given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/RUN-" + i)
                    .then().statusCode(expected);
        }
        stored = true; // only a whole book: a test that failed half-way leaves the next to store it again
    }

    private String start(String body) throws InterruptedException {
        String runId = given().contentType(ContentType.JSON).body(body).post("/api/v1/portfolio/runs")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/portfolio/runs/"))
                .extract().path("runId");
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).as("the run ends").isTrue();
        return runId;
    }

    @Test
    void aRunDecidesEveryStoredCaseOnceAndRecordsEachDecision() throws Exception {
        String runId = start("{\"asOf\":\"" + AS_OF + "\",\"chunkSize\":25}");
        Set<String> stored = ids("select case_id from collection_case");

        JsonPath status = given().get("/api/v1/portfolio/runs/" + runId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).extract().jsonPath();
        assertThat(status.getLong("total")).isEqualTo(stored.size());
        assertThat(status.getLong("done")).isEqualTo(stored.size());
        assertThat(status.getDouble("percent")).isEqualTo(100.0);
        assertThat(status.getLong("failed")).as("no stored case fails").isZero();
        assertThat(status.getLong("decided")).isEqualTo(stored.size());

        assertThat(ids("select case_id from portfolio_decision where run_id = '" + runId + "'")).isEqualTo(stored);
        assertThat(count("select count(*) from decision_record where run_id = '" + runId + "'"))
                .as("every decision is in the decision record").isEqualTo(status.getLong("decided"));

        // A decision of the run is an ordinary decision record: readable, with its ruleset, reasons and fired rules.
        String decisionId = given().get("/api/v1/portfolio/runs/" + runId + "/worklist?limit=1").then().statusCode(200)
                .extract().path("[0].decisionId");
        given().get("/api/v1/decisions/" + decisionId).then().statusCode(200)
                .body("response.rulesetVersion", equalTo(status.getString("rulesetVersion")))
                .body("response.asOf", equalTo(AS_OF))
                .body("reproduced", equalTo(true))
                .body("response.rulesFired.size()", org.hamcrest.Matchers.greaterThan(0));

        JsonPath summary = given().get("/api/v1/portfolio/runs/" + runId + "/summary").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).extract().jsonPath();
        assertThat(summary.getLong("failed")).as("no stored case fails").isZero();
        assertThat(summary.getLong("decided")).isEqualTo(stored.size()).isEqualTo(status.getLong("decided"));
        for (String area : List.of("byBucket", "byClassification", "byRating", "byNextAction")) {
            Map<String, Integer> counts = summary.getMap(area);
            assertThat(counts.values().stream().mapToLong(Integer::longValue).sum()).as(area).isEqualTo(summary.getLong("decided"));
        }
        assertThat(summary.getMap("byNextAction")).isEqualTo(grouped(runId, "next_action"));
        assertThat(summary.getMap("byBucket")).isEqualTo(grouped(runId, "bucket"));
        // Money to the cent: read as BigDecimal, not as the float a JSON path would give.
        com.fasterxml.jackson.databind.JsonNode exact = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(given().get("/api/v1/portfolio/runs/" + runId + "/summary").asString());
        assertThat(exact.at("/exposure/CNY").decimalValue())
                .isEqualByComparingTo(sum("select sum(exposure) from portfolio_decision where run_id = '" + runId + "' and currency = 'CNY'"));
        assertThat(exact.at("/expectedLoss/CNY").decimalValue())
                .isEqualByComparingTo(sum("select sum(expected_loss) from portfolio_decision where run_id = '" + runId + "' and currency = 'CNY'"));
    }

    @Test
    void theWorkListPutsTheMostUrgentFirstAndExportsAsCsv() throws Exception {
        String runId = start("{\"asOf\":\"" + AS_OF + "\"}");
        // The action most cases of the run got.
        String action = grouped(runId, "next_action").entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Map<String, Object>> list = given().get("/api/v1/portfolio/runs/" + runId + "/worklist?action=" + action + "&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(list).isNotEmpty().allSatisfy(e -> assertThat(e.get("nextAction")).isEqualTo(action));
        long withAction = count("select count(*) from portfolio_decision where run_id = '" + runId
                + "' and next_action = '" + action + "'");
        assertThat(list).hasSize((int) Math.min(1000, withAction));
        for (int i = 1; i < list.size(); i++) {
            Map<String, Object> a = list.get(i - 1);
            Map<String, Object> b = list.get(i);
            int byPriority = Integer.compare((Integer) a.get("priority"), (Integer) b.get("priority"));
            assertThat(byPriority).as("priority ascending at %d", i).isLessThanOrEqualTo(0);
            if (byPriority == 0) {
                assertThat(new BigDecimal(a.get("exposure").toString()))
                        .as("exposure descending at %d", i).isGreaterThanOrEqualTo(new BigDecimal(b.get("exposure").toString()));
            }
        }
        // Pages follow one another without overlap.
        List<String> firstTwo = given().get("/api/v1/portfolio/runs/" + runId + "/worklist?action=" + action + "&limit=2&offset=1")
                .then().extract().jsonPath().getList("caseId");
        assertThat(firstTwo).containsExactly((String) list.get(1).get("caseId"), (String) list.get(2).get("caseId"));

        String csv = given().accept("text/csv").get("/api/v1/portfolio/runs/" + runId + "/worklist?action=" + action.toLowerCase())
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment")).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0]).startsWith("caseId,nextAction,priority,bucket");
        assertThat(lines).as("the whole list, and a header").hasSize((int) withAction + 1);
        assertThat(lines[1]).startsWith(list.get(0).get("caseId") + "," + action + ",");
    }

    @Test
    void theSummaryShowsHowLastRunsBucketsRolled() throws Exception {
        String first = start("{\"asOf\":\"" + AS_OF + "\"}");
        String second = start("{\"asOf\":\"2026-12-30T02:00:00Z\"}"); // 31 days later, nothing paid
        JsonPath summary = given().get("/api/v1/portfolio/runs/" + second + "/summary").then().statusCode(200)
                .body("rollRates.previousRunId", equalTo(first)).extract().jsonPath();

        // The same matrix, counted here case by case from the two runs' rows.
        Map<String, String> before = buckets(first);
        Map<String, String> after = buckets(second);
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        after.forEach((id, to) -> expected.computeIfAbsent(before.containsKey(id) ? before.get(id) : "NEW", k -> new TreeMap<>())
                .merge(to, 1, Integer::sum));
        before.forEach((id, from) -> {
            if (!after.containsKey(id)) {
                expected.computeIfAbsent(from, k -> new TreeMap<>()).merge("GONE", 1, Integer::sum);
            }
        });
        Map<String, Map<String, Integer>> reported = new TreeMap<>();
        for (Map<String, Object> row : summary.<Map<String, Object>>getList("rollRates.rows")) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> to = (Map<String, Integer>) row.get("to");
            reported.put((String) row.get("from"), new TreeMap<>(to));
            assertThat(((Number) row.get("cases")).intValue()).isEqualTo(to.values().stream().mapToInt(Integer::intValue).sum());
        }
        assertThat(reported).isEqualTo(expected);
        assertThat(before.get("RUN-1")).as("37 days overdue").isEqualTo("M2");
        assertThat(after.get("RUN-1")).as("68 days overdue").isEqualTo("M3");
        assertThat(reported.get("M2")).containsKey("M3");
    }

    @Test
    void threeShardsCoverThePortfolioExactlyOnce() throws Exception {
        String runId = "shards-" + System.nanoTime();
        for (int shard = 0; shard < 3; shard++) {
            given().contentType(ContentType.JSON)
                    .body("{\"runId\":\"" + runId + "\",\"shard\":\"" + shard + "/3\",\"asOf\":\"" + AS_OF + "\",\"chunkSize\":10}")
                    .post("/api/v1/portfolio/runs").then().statusCode(202);
        }
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).isTrue();
        Set<String> stored = ids("select case_id from collection_case");
        given().get("/api/v1/portfolio/runs/" + runId).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("shards.size()", equalTo(3)).body("done", equalTo(stored.size()));

        Map<String, Integer> shardOf = new HashMap<>();
        List<String> decided = new ArrayList<>();
        for (String id : ids("select case_id from portfolio_decision where run_id = '" + runId + "'")) {
            decided.add(id);
            for (int shard = 0; shard < 3; shard++) {
                if (new Shard(shard, 3).contains(id)) {
                    assertThat(shardOf.put(id, shard)).as("one shard per case").isNull();
                }
            }
        }
        assertThat(decided).hasSize(stored.size());
        assertThat(new HashSet<>(decided)).isEqualTo(stored);
        assertThat(new HashSet<>(shardOf.values())).as("every shard took part").containsExactlyInAnyOrder(0, 1, 2);
        given().get("/api/v1/portfolio/runs/" + runId + "/summary").then().body("decided", equalTo(stored.size()));
    }

    @Test
    void aCancelledRunStopsAndCannotBeResumed() {
        RunSpec spec = RunSpec.stored("cancel-" + System.nanoTime(), Shard.WHOLE, null);
        RunStore.Claim claim = scorer.claim(spec);
        given().post("/api/v1/portfolio/runs/" + spec.runId() + "/cancel").then().statusCode(202)
                .body("status", equalTo("CANCELLED"));
        PortfolioRun run = scorer.score(claim, spec, new RunProgress());
        assertThat(run.status).isEqualTo(PortfolioRun.Status.CANCELLED);
        assertThat(count("select count(*) from portfolio_decision where run_id = '" + spec.runId() + "'")).isZero();
        given().contentType(ContentType.JSON).body("{\"runId\":\"" + spec.runId() + "\"}").post("/api/v1/portfolio/runs")
                .then().statusCode(409).contentType("application/problem+json");
        given().post("/api/v1/portfolio/runs/" + spec.runId() + "/cancel").then().statusCode(409);
    }

    @Test
    void badRequestsGetAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"shard\":\"3/2\"}").post("/api/v1/portfolio/runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("shard"));
        given().contentType(ContentType.JSON).body("{\"runId\":\"a b\"}").post("/api/v1/portfolio/runs")
                .then().statusCode(400).body("errors[0].field", equalTo("runId"));
        given().contentType(ContentType.JSON).body("{\"chunkSize\":0}").post("/api/v1/portfolio/runs")
                .then().statusCode(400).body("errors[0].field", equalTo("chunkSize"));
        given().get("/api/v1/portfolio/runs/no-such-run").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/portfolio/runs/no-such-run/worklist").then().statusCode(404);
    }

    @Test
    void anUnknownActionInTheWorkListIsRefused() {
        String runId = scorer.claim(RunSpec.stored("checks-" + System.nanoTime(), Shard.WHOLE, null)).run().runId;
        store.cancel(runId);
        given().get("/api/v1/portfolio/runs/" + runId + "/worklist?action=PHONE_HOME").then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        given().get("/api/v1/portfolio/runs/" + runId + "/worklist?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aNumberParameterThatIsNotAWholeNumberIsA400NamingIt() {
        String runId = scorer.claim(RunSpec.stored("numbers-" + System.nanoTime(), Shard.WHOLE, null)).run().runId;
        store.cancel(runId);
        // these were a bare 404: the HTTP layer could not convert them to an int
        given().get("/api/v1/portfolio/runs/" + runId + "/worklist?limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be a whole number"));
        given().get("/api/v1/portfolio/runs/" + runId + "/worklist?offset=99999999999999999999").then().statusCode(400)
                .body("errors[0].field", equalTo("offset"));
        given().get("/api/v1/portfolio/runs?limit=1.5").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/rulesets/activations?limit=x").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/cases/ANY/decisions?page=-&size=20").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/v1/portfolio/runs/" + runId + "/worklist?limit=&offset=").then().statusCode(200);
    }

    @Test
    void aStartRequestOfTheWrongTypeIsRefusedNamingTheField() {
        // these were taken: 1.5 as chunk size 1, a number of seconds as asOf
        given().contentType(ContentType.JSON).body("{\"chunkSize\":1.5}").post("/api/v1/portfolio/runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("chunkSize"));
        given().contentType(ContentType.JSON).body("{\"asOf\":1764381600}").post("/api/v1/portfolio/runs")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    private Map<String, String> buckets(String runId) throws Exception {
        Map<String, String> buckets = new HashMap<>();
        query("select case_id, bucket from portfolio_decision where run_id = '" + runId + "'",
                rows -> buckets.put(rows.getString(1), rows.getString(2) == null ? "NONE" : rows.getString(2)));
        return buckets;
    }

    private Map<String, Integer> grouped(String runId, String column) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        query("select coalesce(" + column + ", 'NONE'), count(*) from portfolio_decision where run_id = '" + runId
                + "' and error is null group by " + column, rows -> counts.put(rows.getString(1), rows.getInt(2)));
        return counts;
    }

    private Set<String> ids(String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        query(sql, rows -> ids.add(rows.getString(1)));
        return ids;
    }

    private long count(String sql) {
        long[] n = new long[1];
        try {
            query(sql, rows -> n[0] = rows.getLong(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    private BigDecimal sum(String sql) throws Exception {
        BigDecimal[] n = new BigDecimal[1];
        query(sql, rows -> n[0] = rows.getBigDecimal(1));
        return n[0];
    }

    private interface Row {
        void read(ResultSet rows) throws Exception;
    }

    private void query(String sql, Row row) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }
}
