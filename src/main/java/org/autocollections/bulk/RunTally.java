package org.autocollections.bulk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.autocollections.api.Decision;

/**
 * The counts and totals of a run, or of part of one: cases by bucket, classification, rating and next action, and
 * exposure and expected loss per currency (amounts in different currencies are never added together). Tallies of
 * chunks and shards add up to the tally of the run; each shard's is committed with its checkpoint, so a resumed
 * run loses none of it.
 */
public final class RunTally {

    public long decided;
    public long failed;
    public Map<String, Long> byBucket = new TreeMap<>();
    public Map<String, Long> byClassification = new TreeMap<>();
    public Map<String, Long> byRating = new TreeMap<>();
    public Map<String, Long> byNextAction = new TreeMap<>();
    public Map<String, BigDecimal> exposure = new TreeMap<>();
    public Map<String, BigDecimal> expectedLoss = new TreeMap<>();

    /** Counts a decided case. */
    public void add(Decision decision, String currency) {
        decided++;
        if (decision.overdue() != null) {
            count(byBucket, decision.overdue().bucket());
            count(byClassification, decision.overdue().classification());
        }
        if (decision.risk() != null) {
            count(byRating, decision.risk().rating());
            sum(exposure, currency, decision.risk().exposure());
            sum(expectedLoss, currency, decision.risk().expectedLoss());
        }
        count(byNextAction, decision.nextAction() == null ? null : decision.nextAction().type());
    }

    public void addFailure() {
        failed++;
    }

    /** Adds the other tally to this one. */
    public RunTally merge(RunTally other) {
        decided += other.decided;
        failed += other.failed;
        other.byBucket.forEach((k, v) -> byBucket.merge(k, v, Long::sum));
        other.byClassification.forEach((k, v) -> byClassification.merge(k, v, Long::sum));
        other.byRating.forEach((k, v) -> byRating.merge(k, v, Long::sum));
        other.byNextAction.forEach((k, v) -> byNextAction.merge(k, v, Long::sum));
        other.exposure.forEach((k, v) -> exposure.merge(k, v, BigDecimal::add));
        other.expectedLoss.forEach((k, v) -> expectedLoss.merge(k, v, BigDecimal::add));
        return this;
    }

    private static void count(Map<String, Long> counts, Object key) {
        counts.merge(key == null ? "NONE" : key.toString(), 1L, Long::sum);
    }

    private static void sum(Map<String, BigDecimal> totals, String currency, BigDecimal amount) {
        if (amount != null) {
            totals.merge(currency, amount.setScale(2, RoundingMode.HALF_EVEN), BigDecimal::add);
        }
    }
}
