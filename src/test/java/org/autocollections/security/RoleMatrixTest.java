package org.autocollections.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.autocollections.Cases;
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

    private record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> ANYONE = Set.of(Roles.ALL);

    private static List<Endpoint> endpoints() {
        ObjectNode stored = Cases.example();
        stored.remove("history");
        stored.remove("asOf");
        String decide = Cases.example().toString();
        String json = "application/json";
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("POST", "/api/v1/decisions", json, decide, Set.of(Roles.SERVICER)));
        all.add(new Endpoint("POST", "/api/v1/decisions/batch", json, "{\"cases\":[" + decide + "]}", Set.of(Roles.SERVICER)));
        all.add(new Endpoint("GET", "/api/v1/decisions/no-such-decision", null, null, Set.of(Roles.AUDITOR)));
        all.add(new Endpoint("POST", "/api/v1/decisions/no-such-decision/replay", null, null, Set.of(Roles.AUDITOR)));
        all.add(new Endpoint("PUT", "/api/v1/cases/MATRIX-1", json, stored.put("caseId", "MATRIX-1").toString(), Set.of(Roles.SERVICER)));
        all.add(new Endpoint("GET", "/api/v1/cases/MATRIX-1", null, null, Set.of(Roles.SERVICER)));
        all.add(new Endpoint("POST", "/api/v1/cases/NO-SUCH-CASE/contacts", json,
                "{\"attemptId\":\"A1\",\"at\":\"2026-11-28T10:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}",
                Set.of(Roles.SERVICER)));
        all.add(new Endpoint("POST", "/api/v1/cases/NO-SUCH-CASE/decisions", null, null, Set.of(Roles.SERVICER)));
        all.add(new Endpoint("GET", "/api/v1/cases/MATRIX-1/decisions", null, null, Set.of(Roles.SERVICER, Roles.AUDITOR)));
        all.add(new Endpoint("POST", "/api/v1/cases/import", "application/x-ndjson", stored.put("caseId", "MATRIX-2") + "\n",
                Set.of(Roles.BATCH, Roles.SERVICER)));
        all.add(new Endpoint("GET", "/api/v1/rulesets/active", null, null, ANYONE));
        all.add(new Endpoint("GET", "/api/v1/rulesets/activations", null, null, Set.of(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/reload", null, null, Set.of(Roles.APPROVER)));
        Set<String> readers = Set.of(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER);
        Set<String> authors = Set.of(Roles.ANALYST, Roles.DEVELOPER);
        // An upload that passes the access check is refused for its file name (400): the matrix makes no draft.
        String multipart = "multipart/form-data; boundary=matrix";
        String notATable = "--matrix\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--matrix--\r\n";
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts", multipart, notATable, authors));
        all.add(new Endpoint("GET", "/api/v1/rulesets/drafts", null, null, readers));
        all.add(new Endpoint("GET", "/api/v1/rulesets/drafts/999999", null, null, readers));
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts/999999/files", multipart, notATable, authors));
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts/999999/approve", null, null, Set.of(Roles.APPROVER)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts/999999/reject", null, null,
                Set.of(Roles.APPROVER, Roles.ANALYST, Roles.DEVELOPER)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/drafts/999999/activate", null, null, Set.of(Roles.APPROVER)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/0123456789abcdef/activate", null, null, Set.of(Roles.APPROVER)));
        all.add(new Endpoint("GET", "/api/v1/rulesets/events", null, null, readers));
        all.add(new Endpoint("GET", "/api/v1/rulesets/0000000000000000/tables/penalty-interest", null, null, readers));
        Set<String> testers = Set.of(Roles.ANALYST, Roles.APPROVER, Roles.DEVELOPER);
        String unknownCandidate = "{\"candidate\":\"0000000000000000\"}";
        all.add(new Endpoint("POST", "/api/v1/rulesets/simulations", json, unknownCandidate, testers));
        all.add(new Endpoint("GET", "/api/v1/rulesets/simulations", null, null, testers));
        all.add(new Endpoint("GET", "/api/v1/rulesets/simulations/no-such-simulation", null, null, testers));
        all.add(new Endpoint("GET", "/api/v1/rulesets/simulations/no-such-simulation/changes", null, null, testers));
        all.add(new Endpoint("POST", "/api/v1/rulesets/simulations/no-such-simulation/cancel", null, null, testers));
        all.add(new Endpoint("POST", "/api/v1/rulesets/regressions", json, unknownCandidate, testers));
        all.add(new Endpoint("POST", "/api/v1/rulesets/0000000000000000/decisions", json, decide, testers));
        // A run that passes the access check is refused for its shard (400): the matrix starts no run.
        all.add(new Endpoint("POST", "/api/v1/portfolio/runs", json, "{\"shard\":\"9/2\"}", Set.of(Roles.BATCH)));
        all.add(new Endpoint("GET", "/api/v1/portfolio/runs", null, null, Set.of(Roles.BATCH, Roles.SERVICER, Roles.AUDITOR)));
        all.add(new Endpoint("GET", "/api/v1/portfolio/runs/no-such-run", null, null, Set.of(Roles.BATCH, Roles.SERVICER, Roles.AUDITOR)));
        all.add(new Endpoint("POST", "/api/v1/portfolio/runs/no-such-run/cancel", null, null, Set.of(Roles.BATCH)));
        all.add(new Endpoint("GET", "/api/v1/portfolio/runs/no-such-run/summary", null, null, Set.of(Roles.BATCH, Roles.SERVICER, Roles.AUDITOR)));
        all.add(new Endpoint("GET", "/api/v1/portfolio/runs/no-such-run/worklist", null, null, Set.of(Roles.BATCH, Roles.SERVICER)));
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
    void withoutAValidTokenEveryEndpointAnswers401() {
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
    void eachRoleReachesWhatItMayAndIsRefusedTheRest() {
        for (String role : Roles.ALL) {
            String token = Tokens.of(role);
            for (Endpoint e : endpoints()) {
                Response response = call(e, token);
                if (e.allowed().contains(role)) {
                    assertThat(response.statusCode()).as("%s as %s: %s", e, role, response.asString())
                            .isNotIn(401, 403).isLessThan(500);
                } else {
                    assertProblem(response, 403, e + " as " + role);
                }
            }
        }
    }

    @Test
    void healthAndTheApiDescriptionStayOpen() {
        RestAssured.replaceFiltersWith(List.of());
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
