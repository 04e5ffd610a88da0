package org.autocollections.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the candidate would change on the portfolio, against the baseline, for the cases both decided. */
@Schema(name = "SimulationReport", description = "The portfolio before (baseline) and after (candidate).")
public record SimulationReport(
        @Schema(description = "Cases both rulesets decided.") long decided,
        @Schema(description = "Cases either ruleset could not decide; in no count below.") long failed,
        @Schema(description = "Cases whose next action, bucket, classification, rating or contact channel differs.") long changed,
        Map<String, Count> byNextAction,
        Map<String, Count> byBucket,
        Map<String, Count> byClassification,
        Map<String, Count> byRating,
        @Schema(description = "Next action under the baseline -> under the candidate -> cases; the diagonal is the "
                + "cases whose next action stayed.") Map<String, Map<String, Long>> transitions,
        @Schema(description = "Total expected loss per currency, to the cent.") Map<String, Amount> expectedLoss,
        @Schema(description = "Total exposure at default per currency, to the cent.") Map<String, Amount> exposure) {

    @Schema(name = "SimulationCount")
    public record Count(long before, long after, long change) {
    }

    @Schema(name = "SimulationAmount")
    public record Amount(BigDecimal before, BigDecimal after, BigDecimal change) {
    }

    static SimulationReport of(SimulationTally tally) {
        return new SimulationReport(tally.decided(), tally.failed, tally.changed,
                counts(tally.before.byNextAction, tally.after.byNextAction),
                counts(tally.before.byBucket, tally.after.byBucket),
                counts(tally.before.byClassification, tally.after.byClassification),
                counts(tally.before.byRating, tally.after.byRating),
                tally.transitions,
                amounts(tally.before.expectedLoss, tally.after.expectedLoss),
                amounts(tally.before.exposure, tally.after.exposure));
    }

    private static Map<String, Count> counts(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Count> counts = new TreeMap<>();
        for (String key : keys(before, after)) {
            long b = before.getOrDefault(key, 0L);
            long a = after.getOrDefault(key, 0L);
            counts.put(key, new Count(b, a, a - b));
        }
        return counts;
    }

    private static Map<String, Amount> amounts(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Map<String, Amount> amounts = new TreeMap<>();
        for (String currency : keys(before, after)) {
            BigDecimal b = cents(before.getOrDefault(currency, BigDecimal.ZERO));
            BigDecimal a = cents(after.getOrDefault(currency, BigDecimal.ZERO));
            amounts.put(currency, new Amount(b, a, a.subtract(b)));
        }
        return amounts;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static TreeSet<String> keys(Map<String, ?> before, Map<String, ?> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys;
    }
}
