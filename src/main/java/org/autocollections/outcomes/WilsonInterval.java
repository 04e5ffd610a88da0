package org.autocollections.outcomes;

/**
 * The Wilson score interval for one proportion. Chosen over the textbook (Wald) interval because it keeps close to
 * its nominal coverage for small counts and for rates near 0 or 1 (a cure rate of 2 % in a small arm), never leaves
 * [0, 1], and is never empty when nothing happened.
 */
final class WilsonInterval {

    private WilsonInterval() {
    }

    static Interval of(long successes, long trials, double z) {
        if (trials == 0) {
            return new Interval(Double.NaN, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
