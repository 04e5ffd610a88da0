package org.autocollections.policy;

import org.autocollections.api.Classification;
import org.autocollections.api.ReasonArea;

/** The five-category risk classification of the loan. */
public final class AssetClassification extends Conclusion {

    private final Classification value;
    private final int daysPastDue;

    public AssetClassification(String value, int daysPastDue) {
        this.value = Classification.valueOf(value.trim());
        this.daysPastDue = daysPastDue;
    }

    public Classification getValue() {
        return value;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.OVERDUE;
    }

    @Override
    public String code() {
        return "CLASSIFIED_" + value.name();
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "days" -> daysPastDue;
            case "classification" -> value.name().toLowerCase().replace('_', ' ');
            default -> null;
        };
    }

    @Override
    public String toString() {
        return value.name();
    }
}
