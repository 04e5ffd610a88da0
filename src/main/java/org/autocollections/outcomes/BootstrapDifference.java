package org.autocollections.outcomes;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The difference of a money ratio between two arms (challenger minus champion) with a percentile bootstrap interval.
 * Amounts collected are skewed (most cases pay nothing, a few pay everything), so an interval that assumes a normal
 * spread of amounts would be too narrow on one side; resampling the cases themselves needs no such assumption. The
 * ratio is {@code sum(numerator) / sum(denominator)} over an arm's cases (for example collected over overdue at
 * assignment, or collected over the number of cases for the mean), and each resample draws whole cases, so a case's
 * amount stays with its own overdue amount.
 *
 * <p>Seeded: the same arms and seed give the same interval, so a report can be reproduced to the digit.
 */
public final class BootstrapDifference {

    public static final int RESAMPLES = 1_000;
    public static final long SEED = 17L;

    private BootstrapDifference() {
    }

    /**
     * @param numerator1 each challenger case's numerator (e.g. amount collected)
     * @param denominator1 each challenger case's denominator (e.g. overdue amount at assignment, or 1 for a mean)
     */
    public static Interval of(double[] numerator1, double[] denominator1, double[] numerator2, double[] denominator2,
            double confidence, long seed) {
        if (numerator1.length == 0 || numerator2.length == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double estimate = ratio(numerator1, denominator1) - ratio(numerator2, denominator2);
        double[] pairs1 = interleaved(numerator1, denominator1);
        double[] pairs2 = interleaved(numerator2, denominator2);
        // Each resample draws from its own generator, seeded in order from the one seed: the resamples can then run on
        // every core and still give the same interval, whatever the number of cores or the order they finish in.
        SplittableRandom seeds = new SplittableRandom(seed);
        long[] seedOf = new long[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            seedOf[b] = seeds.nextLong();
        }
        double[] differences = new double[RESAMPLES];
        IntStream.range(0, RESAMPLES).parallel().forEach(b -> {
            SplittableRandom random = new SplittableRandom(seedOf[b]);
            differences[b] = resampledRatio(pairs1, random) - resampledRatio(pairs2, random);
        });
        Arrays.sort(differences);
        double tail = (1 - confidence) / 2;
        return new Interval(estimate, percentile(differences, tail), percentile(differences, 1 - tail));
    }

    /**
     * Each case's numerator and denominator side by side: a resample reads both of a case it draws from one place in
     * memory, which over a million cases is most of a draw's cost.
     */
    private static double[] interleaved(double[] numerator, double[] denominator) {
        double[] pairs = new double[numerator.length * 2];
        for (int i = 0; i < numerator.length; i++) {
            pairs[2 * i] = numerator[i];
            pairs[2 * i + 1] = denominator[i];
        }
        return pairs;
    }

    static double ratio(double[] numerator, double[] denominator) {
        double top = 0;
        double bottom = 0;
        for (int i = 0; i < numerator.length; i++) {
            top += numerator[i];
            bottom += denominator[i];
        }
        return bottom == 0 ? 0 : top / bottom;
    }

    private static double resampledRatio(double[] pairs, SplittableRandom random) {
        double top = 0;
        double bottom = 0;
        int n = pairs.length / 2;
        for (int i = 0; i < n; i++) {
            int pick = 2 * random.nextInt(n);
            top += pairs[pick];
            bottom += pairs[pick + 1];
        }
        return bottom == 0 ? 0 : top / bottom;
    }

    /** Linear interpolation between order statistics (type 7, as R and NumPy compute it by default). */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
