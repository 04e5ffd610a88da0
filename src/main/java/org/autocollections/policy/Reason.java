package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** A reason stated by a rule in its own words, for conclusions that carry no value of their own. */
public final class Reason extends Conclusion {

    private final ReasonArea area;
    private final String code;
    private final String why;

    public Reason(ReasonArea area, String code, String why) {
        this.area = area;
        this.code = code;
        this.why = why;
    }

    /** A reason about repayment plans, for rules that explain why an option was not offered. */
    public static Reason plan(String code, String why) {
        return new Reason(ReasonArea.PLAN, code, why);
    }

    @Override
    public ReasonArea area() {
        return area;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Object parameter(String name) {
        return name.equals("why") ? why : null;
    }
}
