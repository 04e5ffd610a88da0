package org.autocollections.policy;

import java.math.BigDecimal;

import org.autocollections.api.ReasonArea;
import org.autocollections.api.RiskRating;

/**
 * The rating band the score falls in, with the band's probability of default and the priority its cases get.
 */
public final class RiskBand extends Conclusion {

    private final RiskRating rating;
    private final BigDecimal probabilityOfDefault;
    private final int priority;
    private final int score;

    public RiskBand(String rating, String probabilityOfDefault, int priority, int score) {
        this.rating = RiskRating.valueOf(rating.trim());
        this.probabilityOfDefault = new BigDecimal(probabilityOfDefault.trim());
        this.priority = priority;
        this.score = score;
    }

    public RiskRating getRating() {
        return rating;
    }

    public BigDecimal getProbabilityOfDefault() {
        return probabilityOfDefault;
    }

    public int getPriority() {
        return priority;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.RISK;
    }

    @Override
    public String code() {
        return "RATED_" + rating.name();
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "score" -> score;
            case "rating" -> rating.name();
            case "pd" -> probabilityOfDefault.stripTrailingZeros();
            case "priority" -> priority;
            default -> null;
        };
    }
}
