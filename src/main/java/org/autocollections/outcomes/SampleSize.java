package org.autocollections.outcomes;

/**
 * Cases needed in each of two equal arms to detect a difference between two proportions with a two-sided test
 * (Fleiss, Levin and Paik, Statistical Methods for Rates and Proportions, 3rd ed., formula 4.14, without the
 * continuity correction, which the interval this report uses does not apply either).
 */
public final class SampleSize {

    public static final double ALPHA = 0.05;
    public static final double POWER = 0.80;

    private SampleSize() {
    }

    /** Cases per arm to tell {@code p1} from {@code p2} at alpha 0.05 with power 0.8. */
    public static long perArm(double p1, double p2) {
        return (long) Math.ceil(raw(p1, p2, ALPHA, POWER));
    }

    /** The same with Fleiss's continuity correction, the figure his published tables give. */
    public static long perArmWithContinuityCorrection(double p1, double p2) {
        double n = raw(p1, p2, ALPHA, POWER);
        double d = Math.abs(p1 - p2);
        double corrected = n / 4 * square(1 + Math.sqrt(1 + 4 / (n * d)));
        return (long) Math.ceil(corrected);
    }

    static double raw(double p1, double p2, double alpha, double power) {
        if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1) || p1 == p2) {
            throw new IllegalArgumentException("two different rates between 0 and 1 are needed, not " + p1 + " and " + p2);
        }
        double zAlpha = StandardNormal.twoSided(1 - alpha);
        double zBeta = StandardNormal.quantile(power);
        double mean = (p1 + p2) / 2;
        double numerator = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return square(numerator) / square(p1 - p2);
    }

    private static double square(double x) {
        return x * x;
    }
}
