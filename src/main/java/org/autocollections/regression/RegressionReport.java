package org.autocollections.regression;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The corpus and the scenario sheets run against a candidate ruleset: how many cases pass, and every mismatch. */
@Schema(name = "RegressionReport")
public record RegressionReport(
        @Schema(description = "The ruleset version the cases were decided with.") String candidate,
        @Schema(description = "Cases run: corpus files and scenario rows.") int total,
        @Schema(description = "Cases whose every expectation held.") int passed,
        @Schema(description = "Cases with at least one failure.") int failed,
        @Schema(description = "The golden corpus alone.") Tally corpus,
        @Schema(description = "The scenario sheets, together.") Tally scenarios,
        @Schema(description = "One entry per expectation that did not hold, or per case that could not be decided.") List<Failure> failures,
        long durationMillis) {

    @Schema(name = "RegressionTally")
    public record Tally(int passed, int failed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegressionFailure")
    public record Failure(
            @Schema(description = "corpus, or the scenario sheet's file name.", example = "corpus") String source,
            @Schema(description = "The corpus file, or the scenario's name.", example = "cn-m2-first-call.json") String name,
            @Schema(description = "The scenario's row in its sheet (1 is the header).") Integer row,
            @Schema(description = "The JSON pointer into the decision, reasonCodes or reasonCodes.contains.", example = "/nextAction/type") String pointer,
            JsonNode expected,
            @Schema(description = "What the decision shows there; \"<absent>\" for a field it leaves out.") JsonNode actual,
            @Schema(description = "How the decision differs, in words.", example = "/overdue/bucket is \"M3\", expected \"M2\"") String message,
            @Schema(description = "Why the case got no decision at all.") String error) {
    }
}
