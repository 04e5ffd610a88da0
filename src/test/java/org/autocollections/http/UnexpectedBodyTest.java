package org.autocollections.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An endpoint that reads no body refuses one with a problem naming it, instead of answering as if it had not been
 * sent: the stored-case decision takes asOf in the query string, and a body carrying asOf would otherwise be
 * decided as of now.
 */
@QuarkusTest
class UnexpectedBodyTest {

    @Test
    void aStoredCaseDecisionWithAnAsOfBodyIsRefusedAndNothingIsDecided() {
        ObjectNode stored = Cases.example();
        stored.remove("history");
        stored.remove("asOf");
        stored.put("caseId", "BODY-1");
        given().contentType(ContentType.JSON).body(stored.toString()).put("/api/v1/cases/BODY-1").then().statusCode(201);

        given().contentType(ContentType.JSON).body("{\"asOf\": \"2026-11-29T10:00:00+08:00\"}")
                .post("/api/v1/cases/BODY-1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("query string: asOf"));
        given().get("/api/v1/cases/BODY-1/decisions").then().statusCode(200).body("total", equalTo(0));

        given().queryParam("asOf", "2026-11-29T10:00:00+08:00").post("/api/v1/cases/BODY-1/decisions")
                .then().statusCode(200).body("asOf", equalTo("2026-11-29T02:00:00Z"));
    }

    @Test
    void everyEndpointWithoutABodyRefusesOne() throws Exception {
        List<String> refused = new ArrayList<>();
        for (String[] endpoint : endpointsWithoutABody()) {
            String method = endpoint[0];
            String path = endpoint[1].replaceAll("\\{[^}]+}", "no-such-id");
            given().contentType(ContentType.JSON).body("{\"unexpected\": true}")
                    .request(method, path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body"));
            refused.add(method + " " + endpoint[1]);
        }
        assertThat(refused).contains("POST /api/v1/cases/{caseId}/decisions", "POST /api/v1/rulesets/reload",
                "POST /api/v1/decisions/{decisionId}/replay", "POST /api/v1/portfolio/runs/{runId}/cancel",
                "POST /api/v1/rulesets/simulations/{simulationId}/cancel", "GET /api/v1/rulesets/active");
    }

    @Test
    void anEmptyBodyIsNoBody() {
        given().contentType(ContentType.JSON).body("").post("/api/v1/cases/NOT-STORED/decisions")
                .then().statusCode(404);
    }

    /** Each operation of the OpenAPI document under /api that declares no request body, as {method, path}. */
    private static List<String[]> endpointsWithoutABody() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(
                given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String[]> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().isObject() && op.getValue().path("requestBody").isMissingNode()
                        && List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    endpoints.add(new String[] {op.getKey().toUpperCase(), path.getKey()});
                }
            }
        }
        return endpoints;
    }
}
