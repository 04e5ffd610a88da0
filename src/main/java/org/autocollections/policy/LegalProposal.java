package org.autocollections.policy;

import org.autocollections.api.LegalStage;

/**
 * A legal step a rule finds due, with its precedence (1 first). The legal rules take the step of lowest precedence,
 * so guards (bankruptcy, a dispute) outrank the ladder and the ladder's later steps outrank its earlier ones.
 */
public final class LegalProposal {

    /**
     * Why a lawyer's letter or a suit goes to legal review instead: nobody may threaten or bring a suit on a debt that
     * may be time-barred (in the US, Regulation F, 12 CFR 1006.26(b)), and the table gives no period for the case.
     */
    public static final String TIME_BAR_UNKNOWN = "no limitation period is known for the case (for a US case, its state's): "
            + "counsel confirms the debt is not time-barred before a suit is threatened or brought";

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
