package org.autocollections.policy;

import java.time.Instant;

import org.autocollections.api.NextActionType;

/**
 * An action some area proposes, with its rank in the policy's order of precedence (1 first). The arbitration rule
 * picks the candidate of lowest rank, so each area only states its proposal and the precedence stays in one place.
 */
public final class ActionCandidate {

    private final NextActionType type;
    private final int rank;
    private final Instant notBefore;
    private final String why;

    public ActionCandidate(String type, int rank, String why) {
        this(NextActionType.valueOf(type), rank, null, why);
    }

    public ActionCandidate(String type, int rank, Instant notBefore, String why) {
        this(NextActionType.valueOf(type.trim()), rank, notBefore, why);
    }

    public ActionCandidate(NextActionType type, int rank, Instant notBefore, String why) {
        this.type = type;
        this.rank = rank;
        this.notBefore = notBefore;
        this.why = why;
    }

    public NextActionType getType() {
        return type;
    }

    public int getRank() {
        return rank;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public String getWhy() {
        return why;
    }

    @Override
    public String toString() {
        return type + "@" + rank;
    }
}
