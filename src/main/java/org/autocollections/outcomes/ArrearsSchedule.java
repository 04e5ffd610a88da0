package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far behind a case is on a later day, from what it owed when assigned, its monthly instalment and what it paid
 * since: each instalment that falls due adds to the arrears, each payment takes from them (the oldest first), and the
 * oldest instalment still unpaid is the one the days past due count from, as a servicer counts them. The bucket those
 * days fall in is then the policy's own ({@link BucketOfDays}).
 *
 * @param instalment the monthly instalment
 * @param dueDay the day of the month instalments fall due (the 31st is the last day of a shorter month)
 */
record ArrearsSchedule(BigDecimal instalment, int dueDay) {

    ArrearsSchedule {
        if (instalment == null || instalment.signum() <= 0 || dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("a schedule needs a positive instalment and a due day, not " + instalment
                    + " on day " + dueDay);
        }
    }

    /** Days past due on {@code day} of a case that owed {@code arrears} on {@code assignedOn} and paid {@code paid} since. */
    int daysPastDue(BigDecimal arrears, LocalDate assignedOn, LocalDate day, BigDecimal paid) {
        BigDecimal owed = arrears.add(instalment.multiply(BigDecimal.valueOf(dueDatesBetween(assignedOn, day))))
                .subtract(paid);
        if (owed.signum() <= 0) {
            return 0;
        }
        int unpaid = owed.divide(instalment, 0, RoundingMode.CEILING).intValueExact();
        LocalDate oldestUnpaid = dueDateOnOrBefore(day).minusMonths(unpaid - 1L);
        oldestUnpaid = oldestUnpaid.withDayOfMonth(Math.min(dueDay, oldestUnpaid.lengthOfMonth()));
        return (int) Math.max(0, ChronoUnit.DAYS.between(oldestUnpaid, day));
    }

    /** Instalments falling due after {@code from} and on or before {@code to}. */
    long dueDatesBetween(LocalDate from, LocalDate to) {
        long count = 0;
        for (LocalDate due = dueDateOnOrBefore(to); due.isAfter(from); due = dueIn(due.minusMonths(1))) {
            count++;
        }
        return count;
    }

    LocalDate dueDateOnOrBefore(LocalDate day) {
        LocalDate due = dueIn(day);
        return due.isAfter(day) ? dueIn(day.minusMonths(1)) : due;
    }

    private LocalDate dueIn(LocalDate month) {
        return month.withDayOfMonth(Math.min(dueDay, month.lengthOfMonth()));
    }
}
