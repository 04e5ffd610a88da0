package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** The delinquency bucket (M0, M1, ... M7+) the days past due fall in. */
public final class OverdueBucket extends Conclusion {

    private final String name;
    private final int daysPastDue;

    public OverdueBucket(String name, int daysPastDue) {
        this.name = name.trim();
        this.daysPastDue = daysPastDue;
    }

    public String getName() {
        return name;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.OVERDUE;
    }

    @Override
    public String code() {
        return "BUCKET_" + name.replace("+", "_PLUS");
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "days" -> daysPastDue;
            case "bucket" -> this.name;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
