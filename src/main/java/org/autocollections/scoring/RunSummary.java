package org.autocollections.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a run found: the portfolio by bucket, classification, rating and next action, its exposure, and its roll. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The summary of a portfolio run.")
public record RunSummary(
        String runId,
        String rulesetVersion,
        Instant asOf,
        PortfolioRun.Status status,
        @Schema(description = "Cases with a decision.") long decided,
        @Schema(description = "Cases that could not be decided (invalid input, or a policy failure).") long failed,
        Instant startedAt,
        Instant finishedAt,
        Double durationSeconds,
        Map<String, Long> byBucket,
        Map<String, Long> byClassification,
        Map<String, Long> byRating,
        Map<String, Long> byNextAction,
        @Schema(description = "Total exposure at default, per currency.") Map<String, BigDecimal> exposure,
        @Schema(description = "Total expected loss, per currency.") Map<String, BigDecimal> expectedLoss,
        @Schema(description = "Where the cases of the previous run's buckets are now; stored runs only.") RollRates rollRates) {

    @Schema(description = "The roll between buckets since the previous completed run: for each bucket then, how many "
            + "of its cases are in each bucket now, and the share. NEW: not in the previous run; GONE: no longer stored.")
    public record RollRates(String previousRunId, List<String> buckets, List<Row> rows) {
    }

    public record Row(String from, long cases, Map<String, Long> to, Map<String, BigDecimal> rates) {
    }
}
