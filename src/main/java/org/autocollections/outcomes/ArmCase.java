package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A case in an experiment's arm, as the experiment recorded its first assignment: the bucket it was in, what was
 * overdue then and its repayment terms then are the baseline its outcome is measured against. Terms null: not
 * recorded, the stored case gives them.
 */
public record ArmCase(String caseId, String arm, Instant assignedAt, String bucketAtAssignment,
        BigDecimal overdueAmountAtAssignment, RepaymentTerms terms) {

    /** A case whose terms the stored case gives. */
    public ArmCase(String caseId, String arm, Instant assignedAt, String bucketAtAssignment,
            BigDecimal overdueAmountAtAssignment) {
        this(caseId, arm, assignedAt, bucketAtAssignment, overdueAmountAtAssignment, null);
    }
}
