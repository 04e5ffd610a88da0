package org.autocollections.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error as RFC 9457 problem details: a type URI per kind of error, a status, a sentence for people, and the
 * fields (or ruleset cells) at fault for programs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(
        @Schema(example = "https://autocollections.org/problems/invalid-case") String type,
        @Schema(example = "Invalid case") String title,
        @Schema(example = "400") int status,
        @Schema(example = "loan.overdueAmount: must not exceed loan.outstandingBalance") String detail,
        String instance,
        @Schema(description = "The request fields at fault.") List<FieldError> errors,
        @Schema(description = "For a ruleset that does not compile: each problem with its file, sheet, row and column.")
        List<RulesetProblem> problems) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://autocollections.org/problems/";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field, e.g. history.contacts[2].outcome", example = "loan.overdueAmount")
            String field,
            @Schema(example = "must not exceed loan.outstandingBalance") String message) {
    }

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(TYPES + type, title, status, detail, null, null, null);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors, problems);
    }

    public Problem withProblems(List<RulesetProblem> rulesetProblems) {
        return new Problem(type, title, status, detail, instance, errors, rulesetProblems);
    }
}
