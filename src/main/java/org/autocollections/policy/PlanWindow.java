package org.autocollections.policy;

import org.autocollections.api.PlanType;

/** A kind of repayment plan the case's days past due allow, from the repayment-plans table. */
public final class PlanWindow {

    private final PlanType type;

    public PlanWindow(String type) {
        this.type = PlanType.valueOf(type.trim());
    }

    public String getType() {
        return type.name();
    }
}
