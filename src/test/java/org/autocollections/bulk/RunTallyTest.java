package org.autocollections.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.autocollections.api.Classification;
import org.autocollections.api.Decision;
import org.autocollections.api.NextActionType;
import org.autocollections.api.RiskRating;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** A run's counts and totals: what the portfolio summary shows, added up chunk by chunk and shard by shard. */
@DatabaseFree
class RunTallyTest {

    @Test
    void aDecidedCaseCountsInEachBreakdownAndItsAmountsAddUpPerCurrencyToTheCent() {
        RunTally tally = new RunTally();
        tally.add(decision("M2", Classification.SPECIAL_MENTION, RiskRating.HIGH, NextActionType.CALL, "1000.005", "250.015"), "CNY");
        tally.add(decision("M2", Classification.SUBSTANDARD, RiskRating.HIGH, NextActionType.CALL, "0.125", "0.135"), "CNY");
        tally.add(decision("M1", Classification.NORMAL, RiskRating.LOW, NextActionType.SEND_REMINDER, "10", "1"), "USD");

        assertThat(tally.decided).isEqualTo(3);
        assertThat(tally.failed).isZero();
        assertThat(tally.byBucket).containsExactly(Map.entry("M1", 1L), Map.entry("M2", 2L));
        assertThat(tally.byClassification).containsExactly(Map.entry("NORMAL", 1L), Map.entry("SPECIAL_MENTION", 1L),
                Map.entry("SUBSTANDARD", 1L));
        assertThat(tally.byRating).containsExactly(Map.entry("HIGH", 2L), Map.entry("LOW", 1L));
        assertThat(tally.byNextAction).containsExactly(Map.entry("CALL", 2L), Map.entry("SEND_REMINDER", 1L));
        // Each amount is taken to the cent half-even before it is added: 1000.00 + 0.12, 250.02 + 0.14.
        assertThat(tally.exposure).containsExactly(Map.entry("CNY", new BigDecimal("1000.12")),
                Map.entry("USD", new BigDecimal("10.00")));
        assertThat(tally.expectedLoss).containsExactly(Map.entry("CNY", new BigDecimal("250.16")),
                Map.entry("USD", new BigDecimal("1.00")));
    }

    @Test
    void whatADecisionLeavesOutIsCountedAsNoneAndAddsNoAmount() {
        RunTally tally = new RunTally();
        tally.add(new Decision("C-1", "d", null, "v", null, new Decision.Overdue(0, "M0", null, null),
                new Decision.Risk(null, null, null, null, null), null, null, null, null, null, null), "CNY");
        tally.add(new Decision("C-2", "d", null, "v", null, null, null, null, null, null, null, null, null), "CNY");

        assertThat(tally.decided).isEqualTo(2);
        assertThat(tally.byBucket).containsExactly(Map.entry("M0", 1L));
        assertThat(tally.byClassification).containsExactly(Map.entry("NONE", 1L));
        assertThat(tally.byRating).containsExactly(Map.entry("NONE", 1L));
        assertThat(tally.byNextAction).containsExactly(Map.entry("NONE", 2L));
        assertThat(tally.exposure).isEmpty();
        assertThat(tally.expectedLoss).isEmpty();
    }

    @Test
    void theShardsTalliesAddUpToTheRunsAndLoseNoFailure() {
        RunTally first = new RunTally();
        first.add(decision("M1", Classification.NORMAL, RiskRating.LOW, NextActionType.CALL, "100.10", "10.01"), "CNY");
        first.addFailure();
        RunTally second = new RunTally();
        second.add(decision("M1", Classification.NORMAL, RiskRating.MEDIUM, NextActionType.CALL, "200.20", "20.02"), "CNY");
        second.add(decision("M3", Classification.DOUBTFUL, RiskRating.HIGH, NextActionType.FIELD_VISIT, "5", "4"), "USD");
        second.addFailure();
        second.addFailure();

        RunTally run = new RunTally().merge(first).merge(second);

        assertThat(run.decided).isEqualTo(3);
        assertThat(run.failed).isEqualTo(3);
        assertThat(run.byBucket).containsExactly(Map.entry("M1", 2L), Map.entry("M3", 1L));
        assertThat(run.byClassification).containsExactly(Map.entry("DOUBTFUL", 1L), Map.entry("NORMAL", 2L));
        assertThat(run.byRating).containsExactly(Map.entry("HIGH", 1L), Map.entry("LOW", 1L), Map.entry("MEDIUM", 1L));
        assertThat(run.byNextAction).containsExactly(Map.entry("CALL", 2L), Map.entry("FIELD_VISIT", 1L));
        assertThat(run.exposure).containsExactly(Map.entry("CNY", new BigDecimal("300.30")),
                Map.entry("USD", new BigDecimal("5.00")));
        assertThat(run.expectedLoss).containsExactly(Map.entry("CNY", new BigDecimal("30.03")),
                Map.entry("USD", new BigDecimal("4.00")));
    }

    private static Decision decision(String bucket, Classification classification, RiskRating rating,
            NextActionType action, String exposure, String expectedLoss) {
        return new Decision("C", "d", null, "v", null, new Decision.Overdue(30, bucket, classification, null),
                new Decision.Risk(rating, 500, null, new BigDecimal(exposure), new BigDecimal(expectedLoss)), null, null,
                null, new Decision.NextAction(action, 1, null), null, null);
    }
}
