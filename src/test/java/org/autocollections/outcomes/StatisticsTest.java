package org.autocollections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.autocollections.DatabaseFree;
import org.junit.jupiter.api.Test;

/**
 * The report's intervals and sample sizes, checked against the published figures an analyst could look up: a verdict
 * is only as good as these numbers.
 */
@DatabaseFree
class StatisticsTest {

    @Test
    void wilsonIntervalsMatchNewcombesWorkedExamples() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3.
        double z = StandardNormal.twoSided(0.95);
        assertInterval(WilsonInterval.of(81, 263, z), 0.2553, 0.3662);
        assertInterval(WilsonInterval.of(15, 148, z), 0.0624, 0.1605);
        assertInterval(WilsonInterval.of(0, 20, z), 0.0000, 0.1611);
        assertInterval(WilsonInterval.of(1, 29, z), 0.0061, 0.1718);
    }

    @Test
    void differenceOfProportionsMatchesNewcombesHybridScoreExamples() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10.
        assertInterval(ProportionDifference.of(56, 70, 48, 80, 0.95), 0.0524, 0.3339);
        assertInterval(ProportionDifference.of(9, 10, 3, 10, 0.95), 0.1705, 0.8090);
        assertInterval(ProportionDifference.of(5, 56, 0, 29, 0.95), -0.0381, 0.1926);
        assertInterval(ProportionDifference.of(0, 10, 0, 20, 0.95), -0.1611, 0.2775);
    }

    @Test
    void aDifferenceIsSignificantOnlyWhenItsIntervalExcludesZero() {
        assertThat(ProportionDifference.of(56, 70, 48, 80, 0.95).excludesZero()).isTrue();
        assertThat(ProportionDifference.of(5, 56, 0, 29, 0.95).excludesZero()).isFalse();
    }

    @Test
    void sampleSizeMatchesFleisssTable() {
        // Fleiss, Levin, Paik (2003), Table A.4: 5 % against 10 %, alpha 0.05 two-sided, power 0.80: 474 per group
        // with the continuity correction; formula 4.14 without it gives 435.
        assertThat(SampleSize.perArmWithContinuityCorrection(0.05, 0.10)).isEqualTo(474);
        assertThat(SampleSize.perArm(0.05, 0.10)).isEqualTo(435);
        // The same with the rates swapped: the test is two-sided.
        assertThat(SampleSize.perArm(0.10, 0.05)).isEqualTo(435);
    }

    @Test
    void aSmallerLiftNeedsMoreCases() {
        assertThat(SampleSize.perArm(0.30, 0.34)).isGreaterThan(SampleSize.perArm(0.30, 0.40));
    }

    @Test
    void bootstrapIsReproducibleFromItsSeed() {
        double[][] arms = skewedArms(new SplittableRandom(1), 500, 0.0);
        Interval first = BootstrapDifference.of(arms[0], arms[1], arms[2], arms[3], 0.95, BootstrapDifference.SEED);
        Interval again = BootstrapDifference.of(arms[0], arms[1], arms[2], arms[3], 0.95, BootstrapDifference.SEED);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void bootstrapIntervalOfSkewedAmountsFindsAKnownDifferenceAndNoneWhereThereIsNone() {
        // Log-normal amounts paid by 30 % of cases; the challenger pays 20 % more of what was overdue.
        double[][] lift = skewedArms(new SplittableRandom(7), 4_000, 0.20);
        Interval found = BootstrapDifference.of(lift[0], lift[1], lift[2], lift[3], 0.95, BootstrapDifference.SEED);
        double truth = BootstrapDifference.ratio(lift[0], lift[1]) - BootstrapDifference.ratio(lift[2], lift[3]);
        assertThat(found.estimate()).isCloseTo(truth, within(1e-12));
        assertThat(found.excludesZero()).isTrue();
        assertThat(found.lower()).isLessThan(found.estimate());
        assertThat(found.upper()).isGreaterThan(found.estimate());

        double[][] same = skewedArms(new SplittableRandom(8), 4_000, 0.0);
        assertThat(BootstrapDifference.of(same[0], same[1], same[2], same[3], 0.95, BootstrapDifference.SEED).excludesZero())
                .isFalse();
    }

    @Test
    void bootstrapPercentileInterpolatesAsRAndNumPyDo() {
        double[] sorted = { 1, 2, 3, 4, 5 };
        assertThat(BootstrapDifference.percentile(sorted, 0.25)).isEqualTo(2.0);
        assertThat(BootstrapDifference.percentile(sorted, 0.10)).isCloseTo(1.4, within(1e-12));
    }

    /** Collected and overdue amounts of a challenger (0, 1) and a champion (2, 3). */
    private static double[][] skewedArms(SplittableRandom r, int n, double lift) {
        double[][] arms = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int arm = 0; arm < 2; arm++) {
                double overdue = 2_000 * Math.exp(0.6 * r.nextGaussian());
                double share = r.nextDouble() < 0.30 ? Math.min(1, Math.exp(-1 + 0.8 * r.nextGaussian())) : 0;
                arms[arm * 2][i] = overdue * share * (arm == 0 ? 1 + lift : 1);
                arms[arm * 2 + 1][i] = overdue;
            }
        }
        return arms;
    }

    private static void assertInterval(Interval interval, double lower, double upper) {
        assertThat(interval.lower()).as("lower").isCloseTo(lower, within(0.00006));
        assertThat(interval.upper()).as("upper").isCloseTo(upper, within(0.00006));
    }
}
