package org.autocollections.experiments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.DecisionRecord;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * An experiment from proposal to promotion, through the API: a second person approves, the cases of its segment are
 * split by their hash and decided by their arm's version, each answer and record names the arm, each case's first
 * assignment is kept, overlapping experiments and arms that break compliance are refused.
 */
@QuarkusTest
class ExperimentTest {

    static final String ANALYST = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
    static final String APPROVER = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.APPROVER).subject("bob").upn("bob")));
    /** Both roles, as a team lead might hold: may approve another's experiment, never their own. */
    static final String LEAD = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST, Roles.APPROVER).subject("lee").upn("lee")));
    static final String AUDITOR = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.AUDITOR).subject("aud").upn("aud")));
    static final String ARM = "higher-penalty";

    @Inject
    DecisionLedger ledger;

    @Inject
    java.time.Clock clock;

    @Inject
    ExperimentAssignments assignments;

    @Inject
    org.autocollections.scoring.PortfolioRuns runs;

    private String shipped;

    @BeforeEach
    void remember() {
        shipped = activeVersion();
    }

    /** Other test classes share the service: no experiment is left live, and the shipped policy serves again. */
    @AfterEach
    void restore() {
        for (String status : List.of("RUNNING", "PAUSED")) {
            for (Integer id : given().header("Authorization", APPROVER).queryParam("status", status)
                    .get("/api/v1/experiments").then().statusCode(200).extract().jsonPath().getList("id", Integer.class)) {
                step(APPROVER, id, "stop").statusCode(200);
            }
        }
        if (!activeVersion().equals(shipped)) {
            given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + shipped + "/activate").then().statusCode(200);
        }
    }

    @Test
    void theSegmentsCasesAreSplitByTheirHashAndEachDecisionNamesItsArm() {
        String challenger = approvedVersion(table("penalty-interest.drl.csv")
                .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.61,"));
        long id = running(ANALYST, proposal(challenger, 50, "{\"buckets\": [\"M2\"]}"));

        List<String> caseIds = new ArrayList<>();
        StringBuilder batch = new StringBuilder("{\"cases\": [");
        for (int i = 0; i < 40; i++) {
            caseIds.add("EXP-SPLIT-" + i);
            batch.append(i == 0 ? "" : ",").append(Cases.example().put("caseId", "EXP-SPLIT-" + i));
        }
        JsonPath answer = given().contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/decisions/batch").then().statusCode(200).extract().jsonPath();
        Map<String, String> armOf = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String at = "results[" + i + "].decision.";
            String expected = ArmAssignment.arm(ArmAssignment.key(id), caseIds.get(i), List.of(5_000, 5_000)) == 0
                    ? "champion" : ARM;
            assertThat(answer.getLong(at + "experiment.id")).isEqualTo(id);
            assertThat(answer.getString(at + "experiment.arm")).as(caseIds.get(i)).isEqualTo(expected);
            String version = expected.equals(ARM) ? challenger : shipped;
            assertThat(answer.getString(at + "experiment.version")).isEqualTo(version);
            assertThat(answer.getString(at + "rulesetVersion")).as("the arm's version decided").isEqualTo(version);
            armOf.put(caseIds.get(i), expected);
            // the record names the experiment and the arm
            DecisionRecord record = ledger.find(answer.getString(at + "decisionId")).orElseThrow();
            assertThat(record.experimentId).isEqualTo(id);
            assertThat(record.arm).isEqualTo(expected);
        }
        assertThat(new HashSet<>(armOf.values())).as("both arms get cases").containsExactlyInAnyOrder("champion", ARM);

        // the challenger's penalty is its own: 1.61 times the contract rate rather than 1.5
        String inChallenger = caseIds.stream().filter(c -> armOf.get(c).equals(ARM)).findFirst().orElseThrow();
        String inChampion = caseIds.stream().filter(c -> armOf.get(c).equals("champion")).findFirst().orElseThrow();
        BigDecimal challengerPenalty = penalty(Cases.example().put("caseId", inChallenger));
        BigDecimal championPenalty = penalty(Cases.example().put("caseId", inChampion));
        assertThat(challengerPenalty).isGreaterThan(championPenalty);

        // a case outside the segment (M1) gets the champion, and its answer names no experiment
        given().contentType("application/json").body(Cases.withDueDate("EXP-M1", "2026-11-10").toString())
                .post("/api/v1/decisions").then().statusCode(200)
                .body("overdue.bucket", equalTo("M1"))
                .body("rulesetVersion", equalTo(shipped))
                .body("experiment", nullValue());

        // each case's first assignment is kept once, with its bucket and overdue amount at the time
        List<ExperimentAssignments.Assignment> kept = assignments.of(id);
        assertThat(kept).extracting(ExperimentAssignments.Assignment::caseId).containsExactlyInAnyOrderElementsOf(caseIds);
        assertThat(kept).allSatisfy(a -> {
            assertThat(a.arm()).isEqualTo(armOf.get(a.caseId()));
            assertThat(a.version()).isEqualTo(a.arm().equals(ARM) ? challenger : shipped);
            assertThat(a.bucket()).isEqualTo("M2");
            assertThat(a.overdueAmount()).isEqualByComparingTo("4300.00");
            assertThat(a.currency()).isEqualTo("CNY");
        });
        given().contentType("application/json").body(Cases.example().put("caseId", inChallenger).toString())
                .post("/api/v1/decisions").then().statusCode(200).body("experiment.arm", equalTo(ARM));
        assertThat(assignments.of(id)).hasSize(40);

        // paused: everyone gets the champion; resumed: each case is back in its arm
        step(ANALYST, id, "pause").statusCode(200).body("status", equalTo("PAUSED"));
        given().contentType("application/json").body(Cases.example().put("caseId", inChallenger).toString())
                .post("/api/v1/decisions").then().statusCode(200)
                .body("rulesetVersion", equalTo(shipped)).body("experiment", nullValue());
        step(APPROVER, id, "resume").statusCode(200).body("status", equalTo("RUNNING"));
        given().contentType("application/json").body(Cases.example().put("caseId", inChallenger).toString())
                .post("/api/v1/decisions").then().statusCode(200)
                .body("rulesetVersion", equalTo(challenger)).body("experiment.arm", equalTo(ARM));

        // stopped: the champion again, and the trail holds every step
        step(ANALYST, id, "stop").statusCode(200).body("status", equalTo("STOPPED"));
        given().contentType("application/json").body(Cases.example().put("caseId", inChallenger).toString())
                .post("/api/v1/decisions").then().statusCode(200).body("experiment", nullValue());
        assertThat(given().header("Authorization", ANALYST).get("/api/v1/experiments/" + id).then().statusCode(200)
                .extract().jsonPath().getList("events.to", String.class))
                .containsExactly("PROPOSED", "APPROVED", "RUNNING", "PAUSED", "RUNNING", "STOPPED");
    }

    @Test
    void aStoredCasesDecisionHonoursItsArm() {
        String challenger = approvedVersion(table("penalty-interest.drl.csv")
                .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.67,"));
        long id = running(ANALYST, proposal(challenger, 50, null));
        for (int i = 0; i < 6; i++) {
            String caseId = "EXP-STORED-" + i;
            ObjectNode stored = Cases.example().put("caseId", caseId);
            stored.remove("history");
            stored.remove("asOf");
            given().contentType("application/json").body(stored.toString()).put("/api/v1/cases/" + caseId)
                    .then().statusCode(201);
            String arm = ArmAssignment.arm(ArmAssignment.key(id), caseId, List.of(5_000, 5_000)) == 0 ? "champion" : ARM;
            given().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                    .body("experiment.arm", equalTo(arm))
                    .body("rulesetVersion", equalTo(arm.equals(ARM) ? challenger : shipped));
        }
        assertThat(assignments.of(id)).hasSize(6);

        // a portfolio run in two shards decides the same cases by the same arms, and keeps no second assignment
        for (String shard : List.of("0/2", "1/2")) {
            given().contentType("application/json").body("{\"runId\": \"exp-run\", \"shard\": \"" + shard + "\"}")
                    .post("/api/v1/portfolio/runs").then().statusCode(202);
            try {
                assertThat(runs.await("exp-run", 5, java.util.concurrent.TimeUnit.MINUTES)).as("the run ends").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        List<DecisionRecord> scored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> DecisionRecord
                .<DecisionRecord>list("runId = ?1 and caseId like 'EXP-STORED-%'", "exp-run"));
        assertThat(scored).hasSize(6).allSatisfy(r -> {
            String arm = ArmAssignment.arm(ArmAssignment.key(id), r.caseId, List.of(5_000, 5_000)) == 0 ? "champion" : ARM;
            assertThat(r.experimentId).isEqualTo(id);
            assertThat(r.arm).as(r.caseId).isEqualTo(arm);
            assertThat(r.rulesetVersion).isEqualTo(arm.equals(ARM) ? challenger : shipped);
        });
        assertThat(assignments.of(id)).extracting(ExperimentAssignments.Assignment::caseId)
                .contains("EXP-STORED-0", "EXP-STORED-5").doesNotHaveDuplicates();
    }

    @Test
    void aSecondPersonApprovesAndPromotesAndOverlappingSegmentsAreRefused() {
        String challenger = approvedVersion(table("penalty-interest.drl.csv")
                .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.73,"));
        long first = create(LEAD, proposal(challenger, 90, "{\"buckets\": [\"M2\", \"M3\"]}"));
        step(LEAD, first, "approve").statusCode(403).body("type", endsWith("/four-eyes"))
                .body("detail", containsString("proposed by lee"));
        step(ANALYST, first, "approve").statusCode(403).body("type", endsWith("/forbidden"));
        step(APPROVER, first, "start").statusCode(409).body("type", endsWith("/experiment-conflict"));
        step(APPROVER, first, "approve").statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("bob"));
        step(APPROVER, first, "start").statusCode(200).body("status", equalTo("RUNNING"))
                .body("championVersion", equalTo(shipped));

        // a second experiment on CN cases shares the M2 and M3 cases of the first
        long second = create(ANALYST, proposal(challenger, 80, "{\"jurisdictions\": [\"CN\"]}"));
        step(APPROVER, second, "approve").statusCode(200);
        step(APPROVER, second, "start").statusCode(409).body("type", endsWith("/experiment-conflict"))
                .body("detail", containsString("Experiment " + first + " "));
        given().header("Authorization", APPROVER).header("Accept-Language", "zh-CN").contentType("application/json")
                .post("/api/v1/experiments/" + second + "/start").then().statusCode(409)
                .body("detail", containsString("实验 " + first)).body("detail", containsString("请先停止该实验"));

        // promotion: by an approver who did not propose it, of one of its challengers
        promote(LEAD, first, ARM).statusCode(403).body("type", endsWith("/four-eyes"));
        promote(ANALYST, first, ARM).statusCode(403).body("type", endsWith("/forbidden"));
        promote(APPROVER, first, "no-such-arm").statusCode(400).body("errors[0].field", equalTo("arm"));
        promote(APPROVER, first, ARM).statusCode(200).body("status", equalTo("STOPPED"))
                .body("events[-1].note", containsString("promoted arm " + ARM));
        assertThat(activeVersion()).isEqualTo(challenger);
        // the second may start now that the first is over
        step(APPROVER, second, "start").statusCode(200).body("championVersion", equalTo(challenger));
    }

    @Test
    void anArmThatBreaksTheQuietHoursIsRefusedNamingTheCases() {
        String early = approvedVersion(table("contact-frequency.drl.csv")
                .replace("CN,PHONE SMS EMAIL FIELD_VISIT,WINDOW_START,8,", "CN,PHONE SMS EMAIL FIELD_VISIT,WINDOW_START,7,"));
        long id = create(ANALYST, proposal(early, 90, null));
        step(APPROVER, id, "approve").statusCode(200);
        patiently().header("Authorization", APPROVER).contentType("application/json")
                .post("/api/v1/experiments/" + id + "/start").then().statusCode(422).body("type", endsWith("/experiment-not-compliant"))
                .body("detail", containsString("arm " + ARM + " (version " + early + ")"))
                .body("detail", containsString("cn-075959-one-second-before-0800-waits.json"));
        given().header("Authorization", ANALYST).get("/api/v1/experiments/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aProposalIsCheckedFieldByField() {
        given().header("Authorization", ANALYST).contentType("application/json")
                .body("{\"name\": \"shares\", \"championShare\": 80, \"challengers\": [{\"arm\": \"a\", \"version\": \""
                        + shipped + "\", \"share\": 10}]}")
                .post("/api/v1/experiments").then().statusCode(400)
                .body("errors[0].field", equalTo("championShare"))
                .body("errors[0].message", containsString("add up to 100, not 90"));
        given().header("Authorization", ANALYST).contentType("application/json")
                .body("{\"name\": \"unknown\", \"championShare\": 50, \"challengers\": [{\"arm\": \"champion\", "
                        + "\"version\": \"0000000000000000\", \"share\": 50}], \"segment\": {\"buckets\": [\"M9\"]}}")
                .post("/api/v1/experiments").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("challengers[0].arm",
                        "challengers[0].version", "segment.buckets"));
        given().header("Authorization", ANALYST).get("/api/v1/experiments/987654").then().statusCode(404)
                .body("type", endsWith("/experiment-not-found"));
    }

    @Test
    void theReportCountsEachArmsCasesFromTheirFirstAssignmentAsOfAnInstant() {
        long id = running(ANALYST, proposal(shipped, 50, null));
        // four cases of each arm, chosen by the arm their id hashes to, so that both arms are known to be there
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; expected.getOrDefault("champion", 0L) + expected.getOrDefault(ARM, 0L) < 8; i++) {
            String caseId = "EXP-REPORT-" + id + "-" + i;
            String arm = ArmAssignment.arm(ArmAssignment.key(id), caseId, List.of(5_000, 5_000)) == 0 ? "champion" : ARM;
            if (expected.getOrDefault(arm, 0L) == 4) {
                continue;
            }
            ObjectNode stored = Cases.withDueDate(caseId, "2026-08-20");
            stored.remove("history");
            stored.remove("asOf");
            Cases.object(stored, "loan").put("overdueAmount", 1000.00).put("monthlyInstalment", 1000.00);
            given().contentType("application/json").body(stored.toString()).put("/api/v1/cases/" + caseId)
                    .then().statusCode(201);
            given().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200).body("experiment.arm", equalTo(arm));
            expected.merge(arm, 1L, Long::sum);
        }
        String later = clock.instant().plus(java.time.Duration.ofDays(31)).atOffset(java.time.ZoneOffset.UTC).toString();

        JsonPath report = given().header("Authorization", AUDITOR).queryParam("asOf", later).queryParam("liftPoints", "5")
                .get("/api/v1/experiments/" + id + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("championArm")).isEqualTo("champion");
        assertThat(report.getString("window")).isEqualTo("P30D");
        for (String arm : expected.keySet()) {
            assertThat(report.getLong("arms.find { it.arm == '" + arm + "' }.assigned")).as(arm).isEqualTo(expected.get(arm));
            assertThat(report.getLong("arms.find { it.arm == '" + arm + "' }.observed")).as("the window is over for " + arm)
                    .isEqualTo(expected.get(arm));
        }
        assertThat(report.getString("challengers[0].arm")).isEqualTo(ARM);
        assertThat(report.getMap("challengers[0].verdict")).containsKeys("en", "zh-CN", "zh-TW");
        assertThat(report.getLong("casesPerArmForLift")).as("the cases a 5-point lift needs").isPositive();

        given().header("Authorization", ANALYST).accept("text/csv").queryParam("asOf", later)
                .get("/api/v1/experiments/" + id + "/report").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString("champion"));
        given().header("Authorization", ANALYST).queryParam("window", "P45D").get("/api/v1/experiments/" + id + "/report")
                .then().statusCode(400).body("errors[0].field", equalTo("window"));
        given().header("Authorization", ANALYST).queryParam("asOf", "yesterday").get("/api/v1/experiments/" + id + "/report")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().header("Authorization", ANALYST).get("/api/v1/experiments/999999/report").then().statusCode(404);
    }

    private static BigDecimal penalty(ObjectNode request) {
        return given().contentType("application/json").body(request.toString()).post("/api/v1/decisions").then()
                .statusCode(200).extract().jsonPath().getObject("overdue.penaltyInterest", BigDecimal.class);
    }

    private static String proposal(String challenger, int championShare, String segment) {
        return "{\"name\": \"penalty test\", \"championShare\": " + championShare + ", \"challengers\": [{\"arm\": \""
                + ARM + "\", \"version\": \"" + challenger + "\", \"share\": " + (100 - championShare) + "}]"
                + (segment == null ? "" : ", \"segment\": " + segment) + ", \"note\": \"test\"}";
    }

    private static long create(String token, String proposal) {
        return given().header("Authorization", token).contentType("application/json").body(proposal)
                .post("/api/v1/experiments").then().statusCode(201).body("status", equalTo("PROPOSED"))
                .extract().jsonPath().getLong("id");
    }

    /** Proposed by the token's holder, approved by bob, started. */
    private static long running(String token, String proposal) {
        long id = create(token, proposal);
        step(APPROVER, id, "approve").statusCode(200);
        step(APPROVER, id, "start").statusCode(200).body("status", equalTo("RUNNING"));
        return id;
    }

    static ValidatableResponse step(String token, long id, String step) {
        return patiently().header("Authorization", token).contentType("application/json").body("{\"note\": \"test\"}")
                .post("/api/v1/experiments/" + id + "/" + step).then();
    }

    private static ValidatableResponse promote(String token, long id, String arm) {
        return patiently().header("Authorization", token).contentType("application/json")
                .body("{\"arm\": \"" + arm + "\", \"note\": \"it cures more\"}")
                .post("/api/v1/experiments/" + id + "/promote").then();
    }

    /** A draft of the edited table uploaded by ana and approved by bob: a version a challenger may use. */
    private static String approvedVersion(String edited) {
        String name = edited.contains("WINDOW_START") ? "contact-frequency.drl.csv" : "penalty-interest.drl.csv";
        JsonPath draft = patiently().header("Authorization", ANALYST)
                .multiPart("files", name, edited.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).extract().jsonPath();
        given().header("Authorization", APPROVER).post("/api/v1/rulesets/drafts/" + draft.getLong("draft.id") + "/approve")
                .then().statusCode(200);
        return draft.getString("draft.version");
    }

    /**
     * A request that may take longer than the tests' usual 30 s on a loaded machine: a draft's compilation, or the
     * compliance corpus run on a version compiled for it. Time is no part of what these tests check.
     */
    private static io.restassured.specification.RequestSpecification patiently() {
        return given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 300_000).setParam("http.connection.timeout", 300_000)));
    }

    private static String table(String name) {
        try {
            return Files.readString(Path.of("decision-tables", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String activeVersion() {
        return given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }

}
