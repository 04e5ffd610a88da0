package org.autocollections.regression;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.autocollections.api.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A malformed scenario sheet as problem details whose {@code errors} name the file, the row and the column of each
 * fault (and, as {@code field}, the column's header, as a request's errors name their field).
 */
public class RegressionProblems {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScenarioSheetProblem")
    public record SheetProblem(String type, String title, int status, String detail, String instance,
            List<SheetError> errors) {
    }

    @ServerExceptionMapper
    public Response invalidSheet(InvalidScenarioSheetException e, UriInfo uri) {
        SheetProblem problem = new SheetProblem("https://autocollections.org/problems/invalid-scenario-sheet",
                "Invalid scenario sheet", 400, e.getMessage(), uri == null ? null : uri.getPath(), e.errors());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
