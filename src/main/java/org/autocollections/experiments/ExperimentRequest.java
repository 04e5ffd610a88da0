package org.autocollections.experiments;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an analyst proposes: the champion's share, the challengers with theirs, and optionally the segment. */
@Schema(name = "ExperimentRequest", description = "A proposed experiment. Shares are percentages with at most two "
        + "decimals (basis points), and with the champion's they add up to 100.")
public record ExperimentRequest(
        @Schema(description = "What the experiment tests, in a few words.", example = "SMS first in M1") String name,
        @Schema(description = "The champion's share of the segment's cases, in percent.", example = "80") BigDecimal championShare,
        @Schema(description = "One or more challengers.") List<Challenger> challengers,
        @Schema(description = "The cases the experiment covers; absent: every case.") SegmentSpec segment,
        @Schema(description = "Why, for the audit trail.") String note) {

    @Schema(name = "ExperimentChallenger")
    public record Challenger(
            @Schema(description = "The arm's name: letters, digits, - and _.", example = "sms-first") String arm,
            @Schema(description = "An approved or retired ruleset version.", example = "3f9c0d7e5a1b2c4d") String version,
            @Schema(description = "Its share of the segment's cases, in percent.", example = "10") BigDecimal share) {
    }

    @Schema(name = "ExperimentSegment", description = "Each list empty or absent: any.")
    public record SegmentSpec(
            @Schema(description = "Overdue buckets as the champion classifies the case.", example = "[\"M1\"]") List<String> buckets,
            @Schema(description = "Jurisdictions.", example = "[\"CN\"]") List<String> jurisdictions,
            @Schema(description = "Risk ratings as the champion rates the case.", example = "[\"HIGH\", \"VERY_HIGH\"]") List<String> riskRatings) {
    }
}
