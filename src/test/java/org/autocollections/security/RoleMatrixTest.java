package org.autocollections.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.autocollections.Cases;
import org.autocollections.scoring.PortfolioRuns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Who may call what: every endpoint with no token, a tampered token, an expired token, a token from another issuer,
 * and a token of each role. Refusals are problem+json: 401 for no valid token, 403 for a role that may not.
 */
@QuarkusTest
class RoleMatrixTest {

    /**
     * One call and what a role allowed to make it gets: {@code status}, and for a problem its type, so that a route
     * that disappeared (a bare 404) or an operation that answers otherwise fails the matrix.
     */
    private record Endpoint(String method, String path, String contentType, String body, Set<String> allowed,
            int status, String problemType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> ANYONE = Set.of(Roles.ALL);
    private static final String ADMIN = Tokens.of(Roles.ALL);
    private static final String ANA = Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana"));

    @Inject
    PortfolioRuns runs;

    /** What the matrix calls with: a stored case, a decision, a rejected draft, a finished run; made once. */
    private record Fixture(String decisionId, long rejectedDraft, String table, String activeVersion, String runId) {
    }

    private static Fixture fixture;

    private Fixture fixture() throws InterruptedException {
        if (fixture != null) {
            return fixture;
        }
        RestAssured.replaceFiltersWith(List.of());
        ObjectNode stored = storedCase("MATRIX-1");
        as(ADMIN).contentType("application/json").body(stored.toString()).put("/api/v1/cases/MATRIX-1").then().statusCode(201);
        as(ADMIN).contentType("application/json").body(CONTACT).post("/api/v1/cases/MATRIX-1/contacts").then().statusCode(201);
        String decisionId = as(ADMIN).contentType("application/json").body(Cases.example().toString())
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
        String penalty;
        try {
            penalty = java.nio.file.Files.readString(java.nio.file.Path.of("decision-tables", "penalty-interest.drl.csv"))
                    .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.15,");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long draft = as(ANA).multiPart("files", "penalty-interest.drl.csv", penalty.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).extract().jsonPath().getLong("draft.id");
        as(ANA).post("/api/v1/rulesets/drafts/" + draft + "/reject").then().statusCode(200).body("draft.status", equalTo("REJECTED"));
        String active = as(ADMIN).get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
        String runId = as(ADMIN).contentType("application/json").body("{\"runId\":\"matrix-run\"}")
                .post("/api/v1/portfolio/runs").then().statusCode(202).extract().path("runId");
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).as("the run ends").isTrue();
        fixture = new Fixture(decisionId, draft, penalty, active, runId);
        return fixture;
    }

    private static final String CONTACT =
            "{\"attemptId\":\"A1\",\"at\":\"2026-11-28T10:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}";

    private static ObjectNode storedCase(String caseId) {
        ObjectNode stored = Cases.example();
        stored.remove("history");
        stored.remove("asOf");
        return stored.put("caseId", caseId);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    private List<Endpoint> endpoints() throws InterruptedException {
        Fixture f = fixture();
        String decide = Cases.example().toString();
        String json = "application/json";
        Set<String> servicer = Set.of(Roles.SERVICER);
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("POST", "/api/v1/decisions", json, decide, servicer, 200, null));
        all.add(new Endpoint("POST", "/api/v1/decisions/batch", json, "{\"cases\":[" + decide + "]}", servicer, 200, null));
        all.add(new Endpoint("GET", "/api/v1/decisions/" + f.decisionId(), null, null, Set.of(Roles.AUDITOR), 200, null));
        all.add(new Endpoint("POST", "/api/v1/decisions/" + f.decisionId() + "/replay", null, null, Set.of(Roles.AUDITOR), 200, null));
        // the case is stored by the fixture: storing it again is an update, logging the same contact a repeat
        all.add(new Endpoint("PUT", "/api/v1/cases/MATRIX-1", json, storedCase("MATRIX-1").toString(), servicer, 200, null));
        all.add(new Endpoint("GET", "/api/v1/cases/MATRIX-1", null, null, servicer, 200, null));
        all.add(new Endpoint("POST", "/api/v1/cases/MATRIX-1/contacts", json, CONTACT, servicer, 200, null));
        all.add(new Endpoint("POST", "/api/v1/cases/MATRIX-1/decisions", null, null, servicer, 200, null));
        all.add(new Endpoint("GET", "/api/v1/cases/MATRIX-1/decisions", null, null, Set.of(Roles.SERVICER, Roles.AUDITOR), 200, null));
        all.add(new Endpoint("POST", "/api/v1/cases/import", "application/x-ndjson", storedCase("MATRIX-2") + "\n",
                Set.of(Roles.BATCH, Roles.SERVICER), 200, null));
        all.add(new Endpoint("GET", "/api/v1/rulesets/active", null, null, ANYONE, 200, null));
        all.add(new Endpoint("GET", "/api/v1/rulesets/activations", null, null, Set.of(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR), 200, null));
        all.add(new Endpoint("POST", "/api/v1/rulesets/reload", null, null, Set.of(Roles.APPROVER), 200, null));
        Set<String> readers = Set.of(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER);
        Set<String> authors = Set.of(Roles.ANALYST, Roles.DEVELOPER);
        // An upload that passes the access check is refused for its file name (400): the matrix makes no draft.
        String multipart = "multipart/form-data; boundary=matrix";
        String notATable = "--matrix\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--matrix--\r\n";
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts", multipart, notATable, authors, 400, "invalid-case"));
        all.add(new Endpoint("GET", "/api/v1/rulesets/drafts", null, null, readers, 200, null));
        String rejected = "/api/v1/rulesets/drafts/" + f.rejectedDraft();
        all.add(new Endpoint("GET", rejected, null, null, readers, 200, null));
        // every step on a rejected draft is refused as out of turn (409), whoever may take it
        String table = "--matrix\r\nContent-Disposition: form-data; name=\"files\"; filename=\"penalty-interest.drl.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + f.table() + "\r\n--matrix--\r\n";
        all.add(new Endpoint("POST", rejected + "/files", multipart, table, authors, 409, "lifecycle-conflict"));
        // a check stores nothing: refused for its file name (400), or as out of turn on a rejected draft (409)
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts/check", multipart, notATable, authors, 400, "invalid-case"));
        all.add(new Endpoint("POST", rejected + "/check", multipart, table, authors, 409, "lifecycle-conflict"));
        all.add(new Endpoint("POST", rejected + "/approve", null, null, Set.of(Roles.APPROVER), 409, "lifecycle-conflict"));
        all.add(new Endpoint("POST", rejected + "/reject", null, null, Set.of(Roles.APPROVER, Roles.ANALYST, Roles.DEVELOPER), 409, "lifecycle-conflict"));
        all.add(new Endpoint("POST", rejected + "/activate", null, null, Set.of(Roles.APPROVER), 409, "lifecycle-conflict"));
        all.add(new Endpoint("POST", "/api/v1/rulesets/" + f.activeVersion() + "/activate", null, null, Set.of(Roles.APPROVER), 409, "lifecycle-conflict"));
        all.add(new Endpoint("GET", "/api/v1/rulesets/events", null, null, readers, 200, null));
        all.add(new Endpoint("GET", "/api/v1/rulesets/" + f.activeVersion() + "/tables/penalty-interest", null, null, readers, 200, null));
        all.add(new Endpoint("GET", "/api/v1/rulesets/" + f.activeVersion() + "/scripts?lang=zh-CN", null, null, readers, 200, null));
        Set<String> testers = Set.of(Roles.ANALYST, Roles.APPROVER, Roles.DEVELOPER);
        // a simulation decides the stored portfolio: the matrix asks for one of a version that does not exist
        all.add(new Endpoint("POST", "/api/v1/rulesets/simulations", json, "{\"candidate\":\"0000000000000000\"}", testers,
                404, "ruleset-version-not-found"));
        all.add(new Endpoint("GET", "/api/v1/rulesets/simulations", null, null, testers, 200, null));
        all.add(new Endpoint("GET", "/api/v1/rulesets/simulations/no-such-simulation", null, null, testers, 404, "simulation-not-found"));
        all.add(new Endpoint("GET", "/api/v1/rulesets/simulations/no-such-simulation/changes", null, null, testers, 404, "simulation-not-found"));
        all.add(new Endpoint("POST", "/api/v1/rulesets/simulations/no-such-simulation/cancel", null, null, testers, 404, "simulation-not-found"));
        all.add(new Endpoint("POST", "/api/v1/rulesets/regressions", json, "{\"candidate\":\"" + f.activeVersion() + "\"}", testers, 200, null));
        all.add(new Endpoint("POST", "/api/v1/rulesets/" + f.activeVersion() + "/decisions", json, decide, testers, 200, null));
        // A run that passes the access check is refused for its shard (400): the matrix starts no run.
        all.add(new Endpoint("POST", "/api/v1/portfolio/runs", json, "{\"shard\":\"9/2\"}", Set.of(Roles.BATCH), 400, "invalid-case"));
        Set<String> runReaders = Set.of(Roles.BATCH, Roles.SERVICER, Roles.AUDITOR);
        String run = "/api/v1/portfolio/runs/" + f.runId();
        all.add(new Endpoint("GET", "/api/v1/portfolio/runs", null, null, runReaders, 200, null));
        all.add(new Endpoint("GET", run, null, null, runReaders, 200, null));
        all.add(new Endpoint("POST", run + "/cancel", null, null, Set.of(Roles.BATCH), 409, "run-conflict"));
        all.add(new Endpoint("GET", run + "/summary", null, null, runReaders, 200, null));
        all.add(new Endpoint("GET", run + "/worklist", null, null, Set.of(Roles.BATCH, Roles.SERVICER), 200, null));
        // experiments: a proposal that passes the access check is refused for its fields (400), every step on an
        // experiment that does not exist is a 404: the matrix changes nothing
        Set<String> experimenters = Set.of(Roles.ANALYST, Roles.APPROVER);
        Set<String> approver = Set.of(Roles.APPROVER);
        String none = "/api/v1/experiments/987654";
        all.add(new Endpoint("POST", "/api/v1/experiments", json, "{}", Set.of(Roles.ANALYST), 400, "invalid-case"));
        all.add(new Endpoint("GET", "/api/v1/experiments", null, null, experimenters, 200, null));
        all.add(new Endpoint("GET", none, null, null, experimenters, 404, "experiment-not-found"));
        all.add(new Endpoint("POST", none + "/approve", null, null, approver, 404, "experiment-not-found"));
        all.add(new Endpoint("POST", none + "/start", null, null, approver, 404, "experiment-not-found"));
        all.add(new Endpoint("POST", none + "/pause", null, null, experimenters, 404, "experiment-not-found"));
        all.add(new Endpoint("POST", none + "/resume", null, null, approver, 404, "experiment-not-found"));
        all.add(new Endpoint("POST", none + "/stop", null, null, experimenters, 404, "experiment-not-found"));
        all.add(new Endpoint("POST", none + "/promote", json, "{\"arm\": \"a\"}", approver, 404, "experiment-not-found"));
        all.add(new Endpoint("GET", none + "/report", null, null, Set.of(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR), 404, "experiment-not-found"));
        Set<String> outcomeReaders = Set.of(Roles.ANALYST, Roles.AUDITOR);
        all.add(new Endpoint("GET", run + "/outcomes", null, null, outcomeReaders, 200, null));
        all.add(new Endpoint("GET", "/api/v1/portfolio/roll-rates", null, null, outcomeReaders, 200, null));
        // A calibration that passes the access check is refused for its window (400): the matrix makes no draft.
        all.add(new Endpoint("POST", run + "/calibration?window=P7D", null, null, Set.of(Roles.ANALYST), 400, "invalid-case"));
        return all;
    }

    private static Response call(Endpoint e, String token) {
        RestAssured.replaceFiltersWith(List.of()); // no default token: this test says what it sends
        RequestSpecification request = given();
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        if (e.contentType() != null) {
            request.contentType(e.contentType()).body(e.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(e.method(), e.path());
    }

    private static void assertProblem(Response response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).as(what).isEqualTo(status);
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() throws InterruptedException {
        String good = Tokens.of(Roles.ALL);
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + new StringBuilder(good.substring(good.lastIndexOf('.') + 1)).reverse();
        String expired = Tokens.sign(Jwt.issuer(LocalKeys.ISSUER).subject("tester").groups(Set.of(Roles.ALL))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
        String otherIssuer = Tokens.sign(Tokens.claims(Roles.ALL).issuer("https://somebody-else.example.com"));
        // A token that says it needs no signature ("alg": "none"), with every role claimed.
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + base64.encodeToString(("{\"iss\":\"" + LocalKeys.ISSUER + "\",\"sub\":\"tester\",\"groups\":"
                        + "[\"servicer\",\"analyst\",\"approver\",\"auditor\",\"batch\"],\"exp\":"
                        + (Instant.now().getEpochSecond() + 3600) + "}").getBytes()) + ".";
        for (Endpoint e : endpoints()) {
            Response none = call(e, null);
            assertProblem(none, 401, e + " without a token");
            assertThat(none.header("WWW-Authenticate")).as(e.toString()).startsWith("Bearer");
            assertProblem(call(e, tampered), 401, e + " with a tampered token");
            assertProblem(call(e, expired), 401, e + " with an expired token");
            assertProblem(call(e, otherIssuer), 401, e + " with a token from another issuer");
            assertProblem(call(e, "not-a-token"), 401, e + " with garbage");
            assertProblem(call(e, unsigned), 401, e + " with an unsigned token");
        }
    }

    @Test
    void eachRoleReachesWhatItMayAndIsRefusedTheRest() throws InterruptedException {
        List<Endpoint> endpoints = endpoints();
        SoftAssertions softly = new SoftAssertions();
        for (String role : Roles.ALL) {
            String token = Tokens.of(role);
            for (Endpoint e : endpoints) {
                Response response = call(e, token);
                String what = e + " as " + role + ": " + response.asString();
                int expected = e.allowed().contains(role) ? e.status() : 403;
                softly.assertThat(response.statusCode()).as(what).isEqualTo(expected);
                if (expected >= 400) {
                    softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                    String type = e.allowed().contains(role) ? e.problemType() : "forbidden";
                    softly.assertThat(response.contentType().startsWith("application/problem+json")
                            ? response.jsonPath().getString("type") : null).as(what).endsWith("/" + type);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void healthAndTheApiDescriptionStayOpen() {
        RestAssured.replaceFiltersWith(List.of());
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        // how the page may sign in: open to all; with no identity provider set up, only with a password
        given().get("/api/v1/session/options").then().statusCode(200)
                .body("providerSignIn", org.hamcrest.Matchers.nullValue());
        given().redirects().follow(false).get("/analyst/sign-in").then().statusCode(404)
                .body(org.hamcrest.Matchers.containsString("No identity provider set up"));
    }
}
