package org.autocollections.http;

import java.util.List;
import java.util.Map;

import org.autocollections.api.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The errors every operation can answer, documented where they can happen, each as problem details: a client
 * generated from the document then reads every error the service gives ({@link ProblemMappers}, {@link BodySizeLimit},
 * {@link PathParameterCheck}) as a Problem. What only some operations answer (409, 422, 503) is declared on them with
 * {@code @APIResponse} and a description; this gives it the Problem body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponseDocumentation implements OASFilter {

    private static final Map<String, String> SHARED = Map.of(
            "400", "The request is invalid: the problem names each field or parameter at fault",
            "401", "No valid bearer token: missing, expired, tampered with or from another issuer",
            "403", "The token's roles do not allow this (docs/security.md)",
            "404", "Nothing is found under an id of the path",
            "413", "The body is over the size limit",
            "415", "The body is not of a type the operation takes");

    /** What the scanner writes on the 400, 401 and 403 it adds to validated and secured operations. */
    private static final List<String> SCANNER_WORDING = List.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        List<String> types = body && operation.getRequestBody().getContent() != null
                ? List.copyOf(operation.getRequestBody().getContent().getMediaTypes().keySet()) : List.of();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean someRolesOnly = secured && operation.getSecurity().stream().anyMatch(
                requirement -> requirement.getSchemes().values().stream().anyMatch(roles -> !roles.isEmpty()));

        share(responses, "400", body || parameters);
        share(responses, "401", secured);
        share(responses, "403", someRolesOnly);
        // an id in the path names something looked up; PUT stores what it names instead
        share(responses, "404", path.contains("{") && method != PathItem.HttpMethod.PUT);
        // a streamed body (the portfolio import) has no size limit
        share(responses, "413", types.contains("application/json") || types.contains("multipart/form-data"));
        share(responses, "415", body && !types.contains("*/*"));

        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            }
        });
    }

    /**
     * Adds a shared error, or words the one the scanner added by itself; removes the scanner's where it cannot
     * happen. A response an operation declares is left as declared.
     */
    private static void share(APIResponses responses, String code, boolean applies) {
        APIResponse declared = responses.getAPIResponse(code);
        boolean scanners = declared != null && declared.getContent() == null
                && SCANNER_WORDING.contains(declared.getDescription());
        if (!applies) {
            if (scanners) {
                responses.removeAPIResponse(code);
            }
        } else if (declared == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(SHARED.get(code)));
        } else if (scanners) {
            declared.setDescription(SHARED.get(code));
        }
    }
}
