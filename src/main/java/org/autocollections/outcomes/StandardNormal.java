package org.autocollections.outcomes;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Quantiles of the standard normal distribution, as every interval and sample size here needs them. */
final class StandardNormal {

    // No random generator: only quantiles are asked for, never samples.
    private static final NormalDistribution N = new NormalDistribution(null, 0, 1, 1e-12);

    /** The two-sided critical value for a confidence level: 1.959964 for 0.95. */
    static double twoSided(double confidence) {
        return N.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** The one-sided quantile: 0.841621 for a power of 0.80. */
    static double quantile(double p) {
        return N.inverseCumulativeProbability(p);
    }

    private StandardNormal() {
    }
}
