package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** Points one risk factor adds to the score, from a row of the risk-rating table. */
public final class RiskPoints extends Conclusion {

    private final String factor;
    private final int points;
    private final String detail;

    public RiskPoints(String factor, int points, String detail) {
        this.factor = factor.trim();
        this.points = points;
        this.detail = detail;
    }

    public String getFactor() {
        return factor;
    }

    public int getPoints() {
        return points;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.RISK;
    }

    @Override
    public String code() {
        return "POINTS_" + factor.toUpperCase().replace(' ', '_').replace('-', '_');
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "factor" -> factor;
            case "detail" -> detail;
            case "points" -> points;
            default -> null;
        };
    }
}
