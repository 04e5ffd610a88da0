package org.autocollections.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiDocumentationTest {

    @Test
    void openApiDocumentsTheDecisionEndpointsWithAWorkingExample() throws Exception {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        var tree = new ObjectMapper().readTree(doc);
        var post = tree.at("/paths/~1api~1v1~1decisions/post");
        assertThat(post.isMissingNode()).isFalse();
        assertThat(tree.at("/paths/~1api~1v1~1decisions~1batch/post").isMissingNode()).isFalse();
        assertThat(tree.at("/paths/~1api~1v1~1rulesets~1active/get").isMissingNode()).isFalse();
        assertThat(tree.at("/components/schemas/CollectionCase/properties/caseId/maxLength").asInt()).isEqualTo(64);
        // The example in the document is the README's example, so what a reader copies from Swagger UI works.
        var example = post.at("/requestBody/content/application~1json/examples");
        String value = example.elements().next().get("value").isTextual()
                ? example.elements().next().get("value").asText()
                : example.elements().next().get("value").toString();
        assertThat(new ObjectMapper().readTree(value)).isEqualTo(new ObjectMapper().readTree(Cases.example().toString()));

        // The trace parameter is documented where decisions are answered: compact by default, full on request.
        for (String path : new String[] { "/paths/~1api~1v1~1decisions/post", "/paths/~1api~1v1~1decisions~1batch/post",
                "/paths/~1api~1v1~1cases~1{caseId}~1decisions/post" }) {
            var trace = java.util.stream.StreamSupport.stream(tree.at(path + "/parameters").spliterator(), false)
                    .filter(p -> p.path("name").asText().equals("trace")).findFirst();
            assertThat(trace).as("the trace parameter of " + path).isPresent();
            assertThat(trace.get().at("/schema/enum").toString()).isEqualTo("[\"compact\",\"full\"]");
            assertThat(trace.get().path("description").asText()).contains("compact (the default)");
        }
        // one named answer, so that a generated client has one type for it whichever the trace
        assertThat(post.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/DecisionAnswer");
        assertThat(tree.at("/components/schemas/DecisionAnswer/oneOf").toString()).contains("CompactDecision", "Decision");
        assertThat(tree.at("/components/schemas/Decision/properties/rulesFired").isMissingNode()).isFalse();
        assertThat(tree.at("/components/schemas/CompactDecision/properties/rulesFired").isMissingNode()).isTrue();

        // Swagger UI offers to take a bearer token, and each operation says which roles it needs.
        assertThat(tree.at("/components/securitySchemes/bearer/scheme").asText()).isEqualToIgnoringCase("bearer");
        assertThat(post.at("/security/0/bearer").isMissingNode()).as(post.toString()).isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void readinessIncludesTheActiveRuleset() {
        String version = given().get("/api/v1/rulesets/active").then().extract().path("version");
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ruleset"))
                .body("checks.find { it.name == 'ruleset' }.data.version", equalTo(version));
    }
}
