package org.autocollections.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The example of deciding one case in the OpenAPI document is docs/examples/case-m2.json, read from where the build
 * puts it to be served (pom.xml), so that Swagger UI offers the case the README's curl commands send and the analyst
 * page shows, and no copy of it can drift. The other requests that send a case show the same one: in a batch, stored
 * (without its history, which is logged entry by entry), and tried on a ruleset version. Run when the application is
 * built, as the document's other filters are: a filter left to run time makes every start rebuild the whole document
 * (about half a second here).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DecisionExampleFilter implements OASFilter {

    static final String EXAMPLE = "META-INF/resources/examples/case-m2.json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Object> example = exampleCase();
        Map<String, Object> withoutHistory = new LinkedHashMap<>(example);
        withoutHistory.remove("history");
        example(openAPI.getPaths().getPathItem("/api/v1/decisions").getPOST(), example);
        example(openAPI.getPaths().getPathItem("/api/v1/decisions/batch").getPOST(), Map.of("cases", List.of(example)));
        example(openAPI.getPaths().getPathItem("/api/v1/cases/{caseId}").getPUT(), withoutHistory);
        example(openAPI.getPaths().getPathItem("/api/v1/rulesets/{version}/decisions").getPOST(), example);
    }

    private static void example(Operation operation, Object value) {
        operation.getRequestBody().getContent().getMediaType(MediaType.APPLICATION_JSON)
                .addExample("M2 borrower with an illness", OASFactory.createExample().value(value));
    }

    private static Map<String, Object> exampleCase() {
        try (InputStream in = DecisionExampleFilter.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is not on the class path; pom.xml copies it from docs/examples");
            }
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The example case " + EXAMPLE + " does not read", e);
        }
    }
}
