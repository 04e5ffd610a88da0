package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcomes of a portfolio run's cases over a window after the run's as-of instant, one group per next action,
 * channel, script or bucket the run gave. A case's window starts at the run's as-of instant; a case whose window
 * has not ended by {@code asOf} counts for no rate.
 */
@Schema(name = "RunOutcomeReport")
public record RunOutcomeReport(String runId,
        @Schema(description = "The run's as-of instant: where each case's window starts.") Instant runAsOf,
        @Schema(example = "P30D") String window,
        @Schema(description = "Only what was logged by this instant counts: the same asOf gives the same report.")
        Instant asOf,
        @Schema(enumeration = { "action", "channel", "script", "bucket", "rating" }) String by,
        List<Group> groups) {

    @Schema(name = "RunOutcomeGroup")
    public record Group(
            @Schema(description = "The next action, channel, script, bucket or rating; NONE when the run gave none.",
                    example = "CALL") String value,
            long cases, long observed, long notYetObservable, long noSchedule,
            Rate cureRate, Rate rollForwardRate, Rate promiseKeptRate, Rate rightPartyContactRate,
            @Schema(description = "Overdue at the run's instant, observed cases, to the cent.") BigDecimal overdue,
            @Schema(description = "Collected in the window, observed cases, to the cent.") BigDecimal collected,
            @Schema(description = "Collected over overdue, four places.") BigDecimal collectedShare,
            @Schema(description = "Contacts logged in the window per observed case.") BigDecimal contactsPerCase) {
    }

    @Schema(name = "RunOutcomeRate", description = "A proportion with its 95 % Wilson interval; empty rate when of is 0.")
    public record Rate(long count, long of, BigDecimal rate, BigDecimal lower, BigDecimal upper) {
    }
}
