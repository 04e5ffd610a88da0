package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** The sum of the risk points, capped; 0 to 1,000, higher is riskier. */
public final class RiskScore extends Conclusion {

    private final int score;
    private final int uncapped;

    public RiskScore(int uncapped, int cap) {
        this.uncapped = uncapped;
        this.score = Math.max(0, Math.min(uncapped, cap));
    }

    public int getScore() {
        return score;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.RISK;
    }

    @Override
    public String code() {
        return "RISK_SCORE";
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "score" -> score;
            case "uncapped" -> uncapped != score ? uncapped : null;
            default -> null;
        };
    }
}
