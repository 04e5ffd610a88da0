package org.autocollections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** The roll rates of a run: which bucket the previous run's cases are in now, as counts and as shares. */
@DatabaseFree
class RollMatrixTest {

    @Test
    void eachBucketThenSharesItsCasesAmongTheBucketsNowToFourPlacesHalfEven() {
        RollMatrix matrix = new RollMatrix();
        matrix.add("M1", "M1", 1);
        matrix.add("M1", "M2", 2);
        matrix.add("M1", "M0", 3);
        matrix.add("M2", "M3", 7);
        matrix.add("M2", "M2", 1);

        RunSummary.RollRates roll = matrix.rates("run-1");

        assertThat(roll.previousRunId()).isEqualTo("run-1");
        RunSummary.Row m1 = roll.rows().get(0);
        assertThat(m1.from()).isEqualTo("M1");
        assertThat(m1.cases()).isEqualTo(6);
        assertThat(m1.to()).containsExactly(Map.entry("M0", 3L), Map.entry("M1", 1L), Map.entry("M2", 2L));
        // 3/6, 1/6 = 0.16666..., 2/6 = 0.33333...
        assertThat(m1.rates()).containsExactly(Map.entry("M0", new BigDecimal("0.5000")),
                Map.entry("M1", new BigDecimal("0.1667")), Map.entry("M2", new BigDecimal("0.3333")));
        RunSummary.Row m2 = roll.rows().get(1);
        assertThat(m2.cases()).isEqualTo(8);
        // 1/8 = 0.125 and 7/8 = 0.875 round to even at the fourth place.
        assertThat(m2.rates()).containsExactly(Map.entry("M2", new BigDecimal("0.1250")),
                Map.entry("M3", new BigDecimal("0.8750")));
    }

    @Test
    void theSameMoveCountedInTwoQueriesAddsUp() {
        RollMatrix matrix = new RollMatrix();
        matrix.add("M1", "M2", 2);
        matrix.add("M1", "M2", 3);

        RunSummary.Row row = matrix.rates("run-1").rows().get(0);

        assertThat(row.cases()).isEqualTo(5);
        assertThat(row.to()).containsExactly(Map.entry("M2", 5L));
        assertThat(row.rates()).containsExactly(Map.entry("M2", new BigDecimal("1.0000")));
    }

    @Test
    void newCasesComeFirstThenTheBucketsInOrderThenCasesWithoutABucketThenCasesGone() {
        RollMatrix matrix = new RollMatrix();
        matrix.add(RollMatrix.NONE, RollMatrix.GONE, 1);
        matrix.add("M3", "M7+", 1);
        matrix.add(RollMatrix.NEW, "M0", 1);
        matrix.add("M0", RollMatrix.NONE, 1);

        RunSummary.RollRates roll = matrix.rates("run-1");

        assertThat(roll.buckets()).containsExactly("NEW", "M0", "M3", "M7+", "NONE", "GONE");
        assertThat(roll.rows()).extracting(RunSummary.Row::from).containsExactly("NEW", "M0", "M3", "NONE");
    }

    @Test
    void noCasesInEitherRunGiveNoRows() {
        RunSummary.RollRates roll = new RollMatrix().rates("run-1");

        assertThat(roll.buckets()).isEmpty();
        assertThat(roll.rows()).isEqualTo(List.of());
    }
}
