package org.autocollections.policy;

import org.autocollections.api.LegalStage;
import org.autocollections.api.ReasonArea;

/** The legal step due now (NONE when none is). */
public final class LegalStep extends Conclusion {

    private final LegalStage stage;
    private final String why;

    public LegalStep(LegalProposal proposal) {
        this.stage = proposal.getStage();
        this.why = proposal.getWhy();
    }

    public LegalStage getStage() {
        return stage;
    }

    public String getStageName() {
        return stage.name();
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.LEGAL;
    }

    @Override
    public String code() {
        return "LEGAL_" + stage.name();
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "stage" -> stage.name();
            case "why" -> why;
            default -> null;
        };
    }
}
