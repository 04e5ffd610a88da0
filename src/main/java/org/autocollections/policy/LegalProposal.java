package org.autocollections.policy;

import org.autocollections.api.LegalStage;

/**
 * A legal step a rule finds due, with its precedence (1 first). The legal rules take the step of lowest precedence,
 * so guards (bankruptcy, a dispute) outrank the ladder and the ladder's later steps outrank its earlier ones.
 */
public final class LegalProposal {

    private final LegalStage stage;
    private final int precedence;
    private final String why;

    public LegalProposal(String stage, int precedence, String why) {
        this.stage = LegalStage.valueOf(stage);
        this.precedence = precedence;
        this.why = why;
    }

    public LegalStage getStage() {
        return stage;
    }

    public int getPrecedence() {
        return precedence;
    }

    public String getWhy() {
        return why;
    }
}
