package org.autocollections.outcomes;

/**
 * The difference of two proportions (challenger minus champion) with Newcombe's hybrid score interval (Newcombe 1998,
 * method 10), built from each arm's Wilson interval. Chosen because it holds its coverage where the simple Wald
 * interval does not (small arms, rates near 0 or 1, such as a 3 % roll to M7+), needs no iteration, and is what
 * clinical-trial software reports as the score interval for a risk difference.
 */
public final class ProportionDifference {

    private ProportionDifference() {
    }

    /** The difference {@code x1/n1 - x2/n2} at the confidence level (0.95 for a 95 % interval). */
    public static Interval of(long x1, long n1, long x2, long n2, double confidence) {
        if (n1 == 0 || n2 == 0) {
            return new Interval(Double.NaN, -1, 1);
        }
        double z = StandardNormal.twoSided(confidence);
        Interval a = WilsonInterval.of(x1, n1, z);
        Interval b = WilsonInterval.of(x2, n2, z);
        double p1 = a.estimate();
        double p2 = b.estimate();
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - a.lower()) + square(b.upper() - p2));
        double upper = d + Math.sqrt(square(a.upper() - p1) + square(p2 - b.lower()));
        return new Interval(d, lower, upper);
    }

    private static double square(double x) {
        return x * x;
    }
}
