package org.autocollections.scoring;

import org.autocollections.api.Problem;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.bulk.PendingCase;

/** A case after scoring: its decision, or why it has none (the input was not a valid case, or the policy failed). */
record ScoredCase(PendingCase input, CollectionCase request, Decision decision, Problem problem) {

    boolean decided() {
        return decision != null;
    }

    /** The benchmark floor's stand-in for a decision: the input, copied. */
    boolean copied() {
        return decision == null && problem == null;
    }

    String caseId() {
        return request != null ? request.caseId() : input.caseId();
    }
}
