package org.autocollections.decisions;

import org.autocollections.api.Problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.autocollections.api.DecisionAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BatchResponse")
public record BatchResponse(
        @Schema(description = "The ruleset version every decision of the batch used.") String rulesetVersion,
        int decided,
        int failed,
        @Schema(description = "One entry per case, in request order: a decision or a problem.") List<Entry> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchEntry")
    public record Entry(int index, String caseId,
            @Schema(description = "The decision, compact unless ?trace=full", ref = DecisionAnswer.NAME)
            Object decision,
            Problem problem) {
    }
}
