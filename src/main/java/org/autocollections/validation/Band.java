package org.autocollections.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Optional;

/**
 * The values one row of a range table covers, with each bound included or excluded; a null bound is open (an empty
 * cell: minus or plus infinity). For a whole-number field the bounds are made inclusive whole numbers first, so
 * {@code > 4} and {@code >= 5} are the same band and 1-30 meets 31-60 with nothing between.
 */
record Band(int row, BigDecimal lo, boolean loIn, BigDecimal hi, boolean hiIn) {

    static Band of(int row, BigDecimal lo, boolean loIn, BigDecimal hi, boolean hiIn, boolean whole) {
        if (whole) {
            if (lo != null) {
                lo = loIn ? lo.setScale(0, RoundingMode.CEILING) : lo.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
                loIn = true;
            }
            if (hi != null) {
                hi = hiIn ? hi.setScale(0, RoundingMode.FLOOR) : hi.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
                hiIn = true;
            }
        }
        return new Band(row, lo, loIn, hi, hiIn);
    }

    boolean empty() {
        if (lo == null || hi == null) {
            return false;
        }
        int c = lo.compareTo(hi);
        return c > 0 || c == 0 && !(loIn && hiIn);
    }

    /** Orders by where bands start: an open start first, and at the same value an included start first. */
    static final Comparator<Band> BY_START = (a, b) -> {
        if (a.lo == null || b.lo == null) {
            return a.lo == null ? (b.lo == null ? 0 : -1) : 1;
        }
        int c = a.lo.compareTo(b.lo);
        return c != 0 || a.loIn == b.loIn ? c : a.loIn ? -1 : 1;
    };

    /** Orders by where bands end: an open end last, and at the same value an included end last. */
    static final Comparator<Band> BY_END = (a, b) -> {
        if (a.hi == null || b.hi == null) {
            return a.hi == null ? (b.hi == null ? 0 : 1) : -1;
        }
        int c = a.hi.compareTo(b.hi);
        return c != 0 || a.hiIn == b.hiIn ? c : a.hiIn ? 1 : -1;
    };

    boolean covers(Band other) {
        return BY_START.compare(this, other) <= 0 && BY_END.compare(this, other) >= 0;
    }

    /** The values both bands cover, if any, under the other band's row. */
    Optional<Band> overlap(Band other) {
        Band start = BY_START.compare(this, other) >= 0 ? this : other;
        Band end = BY_END.compare(this, other) <= 0 ? this : other;
        Band both = new Band(other.row, start.lo, start.loIn, end.hi, end.hiIn);
        return both.empty() ? Optional.empty() : Optional.of(both);
    }

    /** The values after this band's end and before the next band's start, if any, under the next band's row. */
    Optional<Band> gapBefore(Band next, boolean whole) {
        if (hi == null || next.lo == null) {
            return Optional.empty();
        }
        Band gap = whole
                ? new Band(next.row, hi.add(BigDecimal.ONE), true, next.lo.subtract(BigDecimal.ONE), true)
                : new Band(next.row, hi, !hiIn, next.lo, !next.loIn);
        return gap.empty() ? Optional.empty() : Optional.of(gap);
    }

    /** In words: {@code daysPastDue 61}, {@code 61 to 64}, {@code ltv from 0.8 (included) to 0.9 (excluded)}. */
    String describe(String field, boolean whole) {
        if (lo != null && hi != null && lo.compareTo(hi) == 0) {
            return field + " " + number(lo);
        }
        if (whole) {
            return lo == null ? field + " up to " + number(hi)
                    : hi == null ? field + " from " + number(lo) + " up"
                    : field + " " + number(lo) + " to " + number(hi);
        }
        String from = lo == null ? "" : " from " + number(lo) + (loIn ? " (included)" : " (excluded)");
        String to = hi == null ? " up" : (lo == null ? " up to " : " to ") + number(hi) + (hiIn ? " (included)" : " (excluded)");
        return field + from + to;
    }

    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
