package org.autocollections.outcomes;

import java.math.BigDecimal;

/**
 * What became of one case over its observation window. A case whose window has not elapsed by the report's as-of
 * instant is {@link Observation#NOT_YET}: its measures are empty, and it counts for no rate, neither as a success nor
 * as a failure.
 *
 * @param bucketAtEnd the policy's bucket for the days past due at the window's end
 * @param promiseResolved whether a promise made in the window fell due in it (kept or broken)
 * @param promiseKept whether every such promise was kept
 * @param rightPartyContact whether the borrower answered a contact in the window (contacted, promised, or refused)
 */
public record CaseOutcome(String caseId, String arm, Observation observation, String bucketAtAssignment,
        String bucketAtEnd, Integer daysPastDueAtEnd, boolean cured, boolean rolledForward,
        BigDecimal overdueAtAssignment, BigDecimal collected, boolean promiseResolved, boolean promiseKept,
        boolean rightPartyContact, int contacts, boolean planAgreed, boolean legalStep) {

    public enum Observation {
        /** The whole window lies before the as-of instant. */
        OBSERVED,
        /** The window ends after the as-of instant: too early to tell. */
        NOT_YET,
        /** The case is not stored, or its loan has no instalment or due date to count days past due from. */
        NO_SCHEDULE
    }

    static CaseOutcome unobserved(ArmCase c, Observation why) {
        return new CaseOutcome(c.caseId(), c.arm(), why, c.bucketAtAssignment(), null, null, false, false,
                c.overdueAmountAtAssignment(), null, false, false, false, 0, false, false);
    }

    public boolean observed() {
        return observation == Observation.OBSERVED;
    }
}
