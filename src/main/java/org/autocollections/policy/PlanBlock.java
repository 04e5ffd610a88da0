package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** A reason no repayment plan may be offered. */
public final class PlanBlock extends Conclusion {

    private final String code;
    private final String why;

    public PlanBlock(String code, String why) {
        this.code = code;
        this.why = why;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.PLAN;
    }

    @Override
    public String code() {
        return "PLAN_BLOCKED_" + code;
    }

    @Override
    public Object parameter(String name) {
        return name.equals("why") ? why : null;
    }
}
