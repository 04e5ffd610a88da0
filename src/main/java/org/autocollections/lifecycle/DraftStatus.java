package org.autocollections.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a candidate ruleset stands. Every version enters as a draft; only a validated draft can be approved, only an
 * approved one activated, and only a version that served before can come back by a rollback.
 */
public enum DraftStatus {
    /** Uploaded, with at least one error finding: it cannot go further until fixed. */
    DRAFT,
    /** Compiles and passed every check that is an error; warnings may remain. */
    VALIDATED,
    /** An approver other than the author accepted it. */
    APPROVED,
    /** Deciding now. */
    ACTIVE,
    /** Served once and was replaced; a rollback can make it active again. */
    RETIRED,
    /** Withdrawn by its author or turned down by an approver. */
    REJECTED;

    /** Statuses in which the files may still be revised or the draft turned down. */
    public static final Set<DraftStatus> OPEN = EnumSet.of(DRAFT, VALIDATED, APPROVED);
}
