package org.autocollections.outcomes;

/** A confidence interval around an estimate; for a difference, significant when it does not contain zero. */
public record Interval(double estimate, double lower, double upper) {

    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
