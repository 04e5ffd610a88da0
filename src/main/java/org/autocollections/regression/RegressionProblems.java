package org.autocollections.regression;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.autocollections.api.Language;
import org.autocollections.api.LanguageChoice;
import org.autocollections.api.Problem;
import org.autocollections.api.ProblemWording;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A malformed scenario sheet as problem details whose {@code errors} name the file, the row and the column of each
 * fault (and, as {@code field}, the column's header, as a request's errors name their field), worded in the caller's
 * language.
 */
public class RegressionProblems {

    private static final String TITLE = "Invalid scenario sheet";

    @Inject
    LanguageChoice languages;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScenarioSheetProblem")
    public record SheetProblem(String type, String title, int status, String detail, String instance,
            List<SheetError> errors) {
    }

    @ServerExceptionMapper
    public Response invalidSheet(InvalidScenarioSheetException e, UriInfo uri, HttpHeaders headers) {
        Language language = languages.forProblem(uri.getQueryParameters().getFirst("lang"),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String title = language == Language.EN ? TITLE
                : ProblemWording.text(language, "invalid-scenario-sheet.title").orElse(TITLE);
        SheetProblem problem = new SheetProblem("https://autocollections.org/problems/invalid-scenario-sheet",
                title, 400, e.detail(language), uri.getPath(), e.errors(language));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
