package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.autocollections.api.CollectionCase;

/**
 * What a case's arrears are worked out with on a later day: its monthly instalment, the day of the month instalments
 * fall due, and the borrower's time zone (null: the service's default), as they stood when the case was assigned.
 * {@link #NONE} is a case that had no schedule then (no instalment, or nothing due).
 */
public record RepaymentTerms(BigDecimal instalment, int dueDay, String timeZone) {

    /** A case with no schedule: its outcome cannot be worked out. */
    public static final RepaymentTerms NONE = new RepaymentTerms(null, 0, null);

    /** The terms of a case as it stands; {@link #NONE} without an instalment or an unpaid due date. */
    public static RepaymentTerms of(CollectionCase c) {
        var loan = c.loan();
        LocalDate due = loan == null ? null : loan.oldestUnpaidDueDate();
        if (due == null || loan.monthlyInstalment() == null || loan.monthlyInstalment().signum() <= 0) {
            return NONE;
        }
        return new RepaymentTerms(loan.monthlyInstalment(), due.getDayOfMonth(),
                c.borrower() == null ? null : c.borrower().timeZone());
    }

    /** The terms as stored beside an assignment; null when they were not stored (assigned before they were). */
    public static RepaymentTerms stored(BigDecimal instalment, Integer dueDay, String timeZone) {
        if (dueDay == null) {
            return null;
        }
        return dueDay == 0 || instalment == null ? NONE : new RepaymentTerms(instalment, dueDay, timeZone);
    }

    public boolean schedule() {
        return dueDay > 0;
    }
}
