package org.autocollections.simulation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.bulk.CaseChunk;
import org.autocollections.bulk.CommitGate;
import org.autocollections.bulk.PendingCase;
import org.autocollections.bulk.StoredCaseReader;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.portfolio.ImportFormat;
import org.autocollections.portfolio.SyntheticPortfolio;
import org.autocollections.regression.Candidates;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An analyst's what-if before approving a draft: the draft and the active ruleset decide the stored portfolio as of
 * one instant; the report and the changed cases are checked against the two rulesets' decisions of every stored
 * case, made here one by one.
 */
@QuarkusTest
class SimulationTest {

    private static final String PATH = "/api/v1/rulesets/simulations";
    private static final String AS_OF = "2026-11-29T02:00:00Z";
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetArchive archive;

    @Inject
    PolicyConfig config;

    @Inject
    DecisionEngine engine;

    @Inject
    SimulationRunner runner;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    CommitGate gate;

    /** 400 generated cases SIM-... (as `generate` writes them), imported as the batch job would. */
    @BeforeEach
    void portfolio() throws Exception {
        StringWriter out = new StringWriter();
        new SyntheticPortfolio(7, LocalDate.parse("2026-11-29"), false).write(out, ImportFormat.JSONL, 400);
        given().contentType(ImportFormat.JSONL_MEDIA_TYPE).body(out.toString().replace("\"SYN-", "\"SIM-").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/cases/import").then().statusCode(200);
    }

    private String candidate() {
        return Candidates.m2EndsAtDay44(active, archive, config);
    }

    private String start(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(202)
                .header("Location", containsString(PATH + "/")).body("status", equalTo("RUNNING"))
                .extract().path("simulationId");
    }

    private JsonNode finished(String simulationId) throws Exception {
        assertThat(runner.await(simulationId, 5, TimeUnit.MINUTES)).as("the simulation ends").isTrue();
        return EXACT.readTree(given().get(PATH + "/" + simulationId).then().statusCode(200).extract().asString());
    }

    @Test
    void theReportAndTheChangedCasesAreThoseOfTheTwoRulesetsDecidingEveryStoredCase() throws Exception {
        String candidate = candidate();
        String id = start("{\"candidate\":\"" + candidate + "\",\"asOf\":\"" + AS_OF + "\",\"chunkSize\":64}");
        JsonNode status = finished(id);
        Expected expected = expected(active.current(), archive.version(candidate).orElseThrow());

        assertThat(status.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("candidate").asText()).isEqualTo(candidate);
        assertThat(status.path("baseline").asText()).isEqualTo(active.current().version());
        assertThat(status.path("asOf").asText()).isEqualTo(AS_OF);
        assertThat(status.path("total").asLong()).isEqualTo(expected.cases);
        assertThat(status.path("done").asLong()).isEqualTo(expected.cases);
        assertThat(status.path("percent").asDouble()).isEqualTo(100.0);
        JsonNode report = status.path("report");
        assertThat(report.path("decided").asLong()).isEqualTo(expected.cases);
        assertThat(report.path("failed").asLong()).isZero();
        assertThat(counts(report.path("byNextAction"), "before")).isEqualTo(expected.actionsBefore);
        assertThat(counts(report.path("byNextAction"), "after")).isEqualTo(expected.actionsAfter);
        assertThat(counts(report.path("byBucket"), "before")).isEqualTo(expected.bucketsBefore);
        assertThat(counts(report.path("byBucket"), "after")).isEqualTo(expected.bucketsAfter);
        assertThat(counts(report.path("byRating"), "after")).isEqualTo(expected.ratingsAfter);
        assertThat(counts(report.path("byBucket"), "after")).as("the edit moves cases from M2 to M3")
                .isNotEqualTo(counts(report.path("byBucket"), "before"));
        report.path("byBucket").forEach(c -> assertThat(c.path("change").asLong())
                .isEqualTo(c.path("after").asLong() - c.path("before").asLong()));

        assertThat(EXACT.convertValue(report.path("transitions"), Map.class)).isEqualTo(toIntegers(expected.transitions));

        expected.lossBefore.forEach((currency, before) -> {
            JsonNode loss = report.path("expectedLoss").path(currency);
            assertThat(loss.path("before").decimalValue()).isEqualByComparingTo(before);
            assertThat(loss.path("after").decimalValue()).isEqualByComparingTo(expected.lossAfter.get(currency));
            assertThat(loss.path("change").decimalValue()).isEqualByComparingTo(expected.lossAfter.get(currency).subtract(before));
            assertThat(loss.path("change").decimalValue().scale()).as("to the cent").isEqualTo(2);
        });

        assertThat(expected.changed).as("the edit changes some cases").isNotEmpty();
        assertThat(report.path("changed").asLong()).isEqualTo(expected.changed.size());
        assertThat(status.path("changed").asLong()).isEqualTo(expected.changed.size());

        String csv = given().get(PATH + "/" + id + "/changes?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", startsWith("attachment")).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r?\n"));
        assertThat(lines.get(0)).startsWith("caseId,differences,currency,daysPastDue,beforeNextAction,afterNextAction");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .as("one row per changed case, in case-id order").containsExactlyElementsOf(expected.changed.keySet());
        String first = expected.changed.firstKey();
        assertThat(lines.get(1)).contains("," + expected.changed.get(first).bucketBefore + ","
                + expected.changed.get(first).bucketAfter + ",");

        List<Map<String, Object>> page = given().get(PATH + "/" + id + "/changes?limit=2&offset=1").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<String> ids = new ArrayList<>(expected.changed.keySet());
        assertThat(page).extracting(m -> m.get("caseId")).containsExactlyElementsOf(ids.subList(1, Math.min(3, ids.size())));
        Map<String, Object> one = page.get(0);
        Outcome o = expected.changed.get(ids.get(1));
        assertThat(one.get("beforeNextAction")).isEqualTo(o.actionBefore);
        assertThat(one.get("afterNextAction")).isEqualTo(o.actionAfter);
        assertThat(one.get("beforeBucket")).isEqualTo(o.bucketBefore);
        assertThat(one.get("afterBucket")).isEqualTo(o.bucketAfter);
        assertThat((List<?>) one.get("differences")).isNotEmpty();

        given().get(PATH + "?limit=5").then().statusCode(200).body("simulationId", org.hamcrest.Matchers.hasItem(id));
        given().get(PATH + "/" + id + "/changes?format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    @Test
    void aCandidateEqualToTheBaselineChangesNothing() throws Exception {
        String version = active.current().version();
        JsonNode report = finished(start("{\"candidate\":\"" + version + "\",\"asOf\":\"" + AS_OF + "\"}")).path("report");
        assertThat(report.path("decided").asLong()).isPositive();
        assertThat(report.path("changed").asLong()).isZero();
        report.path("byNextAction").forEach(c -> assertThat(c.path("change").asLong()).isZero());
        report.path("transitions").fields().forEachRemaining(row -> row.getValue().fieldNames()
                .forEachRemaining(to -> assertThat(to).as("only the diagonal").isEqualTo(row.getKey())));
        report.path("expectedLoss").forEach(l -> assertThat(l.path("change").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO));
    }

    @Test
    void aSampleDecidesThatManyCasesAndTheSameOnesEachTime() throws Exception {
        String body = "{\"candidate\":\"" + candidate() + "\",\"asOf\":\"" + AS_OF + "\",\"sample\":25}";
        String first = start(body);
        JsonNode a = finished(first);
        assertThat(a.path("sample").asInt()).isEqualTo(25);
        assertThat(a.path("total").asLong()).isEqualTo(25);
        assertThat(a.path("report").path("decided").asLong() + a.path("report").path("failed").asLong()).isEqualTo(25);
        JsonNode b = finished(start(body));
        assertThat(b.path("report")).as("the same sample gives the same report").isEqualTo(a.path("report"));
        assertThat(given().get(PATH + "/" + b.path("simulationId").asText() + "/changes?format=csv").asString())
                .isEqualTo(given().get(PATH + "/" + first + "/changes?format=csv").asString());
    }

    /** Held after three chunks of one case, the simulation is certain to be running while it is refused and cancelled. */
    @Test
    void oneRunsAtATimeAndCancelStopsIt() throws Exception {
        String id;
        try (CommitGate.Hold hold = gate.holdAfter(3)) {
            id = start("{\"candidate\":\"" + candidate() + "\",\"asOf\":\"" + AS_OF + "\",\"chunkSize\":1}");
            assertThat(hold.awaitHeld(5, TimeUnit.MINUTES)).as("the simulation reaches its fourth chunk").isTrue();
            given().contentType(ContentType.JSON).body("{\"candidate\":\"" + candidate() + "\"}").post(PATH)
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(id));
            given().post(PATH + "/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELLED"));
        }
        JsonNode status = finished(id);
        assertThat(status.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(status.path("done").asLong()).as("the chunks committed before the cancel").isEqualTo(3);
        assertThat(status.path("total").asLong()).isGreaterThanOrEqualTo(400);
        assertThat(status.path("report").path("decided").asLong() + status.path("report").path("failed").asLong())
                .as("the report covers the cases done before it stopped").isEqualTo(3);
        given().post(PATH + "/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void unknownVersionsAndSimulationsAre404AndBadRequestsName400Fields() {
        given().contentType(ContentType.JSON).body("{\"candidate\":\"0000000000000000\"}").post(PATH)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", containsString("ruleset-version-not-found")).body("detail", containsString("0000000000000000"));
        given().contentType(ContentType.JSON).body("{\"candidate\":\"" + active.current().version() + "\",\"baseline\":\"feedfeedfeedfeed\"}")
                .post(PATH).then().statusCode(404);
        given().get(PATH + "/no-such-simulation").then().statusCode(404).body("type", containsString("simulation-not-found"));
        given().get(PATH + "/no-such-simulation/changes").then().statusCode(404);
        given().post(PATH + "/no-such-simulation/cancel").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post(PATH).then().statusCode(400).body("errors[0].field", equalTo("candidate"));
        given().contentType(ContentType.JSON).body("{\"candidate\":\"x\",\"sample\":0}").post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("sample"));
    }

    @Test
    void aServicerMayNotSimulate() {
        String servicer = Tokens.bearer(Tokens.of(Roles.SERVICER));
        given().header("Authorization", servicer).contentType(ContentType.JSON).body("{\"candidate\":\"x\"}").post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", servicer).get(PATH).then().statusCode(403);
        given().header("Authorization", servicer).get(PATH + "/any/changes").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.of(Roles.ANALYST))).get(PATH).then().statusCode(200);
    }

    private record Outcome(String actionBefore, String actionAfter, String bucketBefore, String bucketAfter) {
    }

    /** What the report must say, worked out here from both rulesets' decisions of every stored case. */
    private static final class Expected {
        long cases;
        Map<String, Long> actionsBefore = new TreeMap<>();
        Map<String, Long> actionsAfter = new TreeMap<>();
        Map<String, Long> bucketsBefore = new TreeMap<>();
        Map<String, Long> bucketsAfter = new TreeMap<>();
        Map<String, Long> ratingsAfter = new TreeMap<>();
        Map<String, Map<String, Long>> transitions = new TreeMap<>();
        Map<String, BigDecimal> lossBefore = new TreeMap<>();
        Map<String, BigDecimal> lossAfter = new TreeMap<>();
        TreeMap<String, Outcome> changed = new TreeMap<>();
    }

    private Expected expected(Ruleset baseline, Ruleset candidate) throws Exception {
        Expected e = new Expected();
        try (StoredCaseReader reader = StoredCaseReader.all(dataSource, json, 500,
                OffsetDateTime.parse(AS_OF))) {
            CaseChunk chunk;
            while ((chunk = reader.next()) != null) {
                for (PendingCase pending : chunk.cases()) {
                    CollectionCase c = pending.resolve();
                    Decision before = engine.decide(c, baseline);
                    Decision after = engine.decide(c, candidate);
                    e.cases++;
                    String a = before.nextAction().type().name();
                    String b = after.nextAction().type().name();
                    e.actionsBefore.merge(a, 1L, Long::sum);
                    e.actionsAfter.merge(b, 1L, Long::sum);
                    e.bucketsBefore.merge(before.overdue().bucket(), 1L, Long::sum);
                    e.bucketsAfter.merge(after.overdue().bucket(), 1L, Long::sum);
                    e.ratingsAfter.merge(after.risk().rating().name(), 1L, Long::sum);
                    e.transitions.computeIfAbsent(a, k -> new TreeMap<>()).merge(b, 1L, Long::sum);
                    String currency = c.loan().currencyOrDefault();
                    e.lossBefore.merge(currency, cents(before.risk().expectedLoss()), BigDecimal::add);
                    e.lossAfter.merge(currency, cents(after.risk().expectedLoss()), BigDecimal::add);
                    boolean changed = !a.equals(b) || !before.overdue().bucket().equals(after.overdue().bucket())
                            || before.overdue().classification() != after.overdue().classification()
                            || before.risk().rating() != after.risk().rating()
                            || !Objects.equals(channel(before), channel(after));
                    if (changed) {
                        e.changed.put(c.caseId(), new Outcome(a, b, before.overdue().bucket(), after.overdue().bucket()));
                    }
                }
            }
        }
        return e;
    }

    private static Object channel(Decision d) {
        return d.contact() == null ? null : d.contact().channel();
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Long> counts(JsonNode byKey, String side) {
        Map<String, Long> counts = new TreeMap<>();
        byKey.fields().forEachRemaining(e -> {
            if (e.getValue().path(side).asLong() > 0) {
                counts.put(e.getKey(), e.getValue().path(side).asLong());
            }
        });
        return counts;
    }

    private static Map<String, Map<String, Integer>> toIntegers(Map<String, Map<String, Long>> matrix) {
        Map<String, Map<String, Integer>> ints = new TreeMap<>();
        matrix.forEach((from, row) -> row.forEach((to, n) -> ints.computeIfAbsent(from, k -> new TreeMap<>()).put(to, n.intValue())));
        return ints;
    }

}
