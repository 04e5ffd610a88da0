package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A case in an experiment's arm, as the experiment recorded its first assignment: the bucket it was in and what was
 * overdue then are the baseline its outcome is measured against.
 */
public record ArmCase(String caseId, String arm, Instant assignedAt, String bucketAtAssignment,
        BigDecimal overdueAmountAtAssignment) {
}
