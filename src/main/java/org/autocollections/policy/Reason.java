package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** A reason stated by a rule in its own words, for conclusions that carry no value of their own. */
public final class Reason extends Conclusion {

    private final ReasonArea area;
    private final String code;
    private final String message;

    public Reason(ReasonArea area, String code, String message) {
        this.area = area;
        this.code = code;
        this.message = message;
    }

    /** A reason about repayment plans, for rules that explain why an option was not offered. */
    public static Reason plan(String code, String message) {
        return new Reason(ReasonArea.PLAN, code, message);
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
    public String message() {
        return message;
    }
}
