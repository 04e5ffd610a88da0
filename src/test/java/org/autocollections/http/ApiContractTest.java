package org.autocollections.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document is a contract that integrators generate clients from (docs/api.md), so it is committed as
 * docs/openapi.yaml and any change to what the service serves must come with a change to that file, in review.
 */
@QuarkusTest
class ApiContractTest {

    static final Path COMMITTED = Path.of("docs", "openapi.yaml");
    static final Path SERVED = Path.of("target", "openapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi?format=yaml").then().statusCode(200)
                .extract().asString();
        Files.writeString(SERVED, served);
        JsonNode committed = Files.exists(COMMITTED) ? YAML.readTree(COMMITTED.toFile()) : YAML.createObjectNode();
        List<String> differences = new ArrayList<>();
        differences("", committed, YAML.readTree(served), differences);
        assertThat(differences)
                .as("The served OpenAPI document differs from %s. If the change to the API is intended, take the served "
                        + "document (written to %s) into the commit:%n  cp %s %s%n", COMMITTED, SERVED, SERVED, COMMITTED)
                .isEmpty();
    }

    @Test
    void everyOperationIsNamedAndAnswersItsErrorsAsProblems() throws Exception {
        JsonNode doc = YAML.readTree(given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString());
        List<String> unnamed = new ArrayList<>();
        List<String> plainErrors = new ArrayList<>();
        List<String> libraryTypes = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            if (!op.getValue().hasNonNull("operationId")) {
                unnamed.add(name);
            }
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode problem = response.getValue().at("/content/application~1problem+json/schema/$ref");
                    if (!problem.asText().equals("#/components/schemas/Problem")) {
                        plainErrors.add(name + " " + response.getKey());
                    }
                }
            });
        }));
        doc.path("components").path("schemas").fieldNames().forEachRemaining(schema -> {
            if (List.of("JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode", "FileUpload").contains(schema)) {
                libraryTypes.add(schema);
            }
        });
        assertThat(unnamed).as("operations without an operationId").isEmpty();
        assertThat(plainErrors).as("error responses that are not the Problem schema").isEmpty();
        assertThat(libraryTypes).as("schemas of a library's types rather than ours").isEmpty();
    }

    /** Each JSON pointer where the trees differ, so that the failure says where the contract changed. */
    private static void differences(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (actual.has(field.getKey())) {
                    differences(pointer, field.getValue(), actual.get(field.getKey()), found);
                } else {
                    found.add("removed: " + pointer);
                }
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    found.add("added: " + at + "/" + name.replace("~", "~0").replace("/", "~1"));
                }
            });
        } else if (!expected.equals(actual)) {
            found.add("changed: " + (at.isEmpty() ? "/" : at));
        }
    }
}
