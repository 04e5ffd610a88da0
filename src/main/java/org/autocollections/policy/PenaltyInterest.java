package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.autocollections.api.ReasonArea;

/** Penalty interest accrued on the overdue amount, to the cent. */
public final class PenaltyInterest extends Conclusion {

    private final BigDecimal amount;
    private final BigDecimal overdue;
    private final BigDecimal rate;
    private final BigDecimal multiplier;
    private final BigDecimal dayBasis;
    private final int days;

    private PenaltyInterest(BigDecimal amount, BigDecimal overdue, BigDecimal rate, BigDecimal multiplier,
            BigDecimal dayBasis, int days) {
        this.amount = amount.setScale(2, RoundingMode.HALF_EVEN);
        this.overdue = overdue;
        this.rate = rate;
        this.multiplier = multiplier;
        this.dayBasis = dayBasis;
        this.days = days;
    }

    /**
     * overdue x annual rate x multiplier / day basis x days, rounded half-even once, at the end, so no intermediate
     * rounding drifts from the contract's own figure.
     */
    public static PenaltyInterest accrue(BigDecimal overdueAmount, BigDecimal annualRate, BigDecimal multiplier,
            BigDecimal dayBasis, int days) {
        BigDecimal raw = overdueAmount.multiply(annualRate).multiply(multiplier).multiply(BigDecimal.valueOf(days))
                .divide(dayBasis, 10, RoundingMode.HALF_EVEN);
        return new PenaltyInterest(raw, overdueAmount, annualRate, multiplier, dayBasis, days);
    }

    public BigDecimal getAmount() {
        return amount;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.OVERDUE;
    }

    @Override
    public String code() {
        return "PENALTY_INTEREST";
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "amount" -> amount;
            case "overdue" -> overdue;
            case "rate" -> rate;
            case "multiplier" -> multiplier;
            case "dayBasis" -> dayBasis;
            case "days" -> days;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
