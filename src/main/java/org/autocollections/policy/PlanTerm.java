package org.autocollections.policy;

/** A term, in months, a kind of plan may be offered over. */
public final class PlanTerm {

    private final String type;
    private final int months;

    public PlanTerm(String type, int months) {
        this.type = type.trim();
        this.months = months;
    }

    public String getType() {
        return type;
    }

    public int getMonths() {
        return months;
    }
}
