package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** The candidate the arbitration rule chose: the decision's next action. */
public final class ChosenAction extends Conclusion {

    private final ActionCandidate candidate;

    public ChosenAction(ActionCandidate candidate) {
        this.candidate = candidate;
    }

    public ActionCandidate getCandidate() {
        return candidate;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.ACTION;
    }

    @Override
    public String code() {
        return "NEXT_" + candidate.getType().name();
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "action" -> candidate.getType().name();
            case "why" -> candidate.getWhy();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return candidate.toString();
    }
}
