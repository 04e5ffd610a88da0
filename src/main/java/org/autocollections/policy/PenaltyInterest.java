package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.autocollections.api.ReasonArea;

/** Penalty interest accrued on the overdue amount, to the cent. */
public final class PenaltyInterest extends Conclusion {

    private final BigDecimal amount;
    private final String working;

    private PenaltyInterest(BigDecimal amount, String working) {
        this.amount = amount.setScale(2, RoundingMode.HALF_EVEN);
        this.working = working;
    }

    /**
     * overdue x annual rate x multiplier / day basis x days, rounded half-even once, at the end, so no intermediate
     * rounding drifts from the contract's own figure.
     */
    public static PenaltyInterest accrue(BigDecimal overdueAmount, BigDecimal annualRate, BigDecimal multiplier,
            BigDecimal dayBasis, int days) {
        BigDecimal raw = overdueAmount.multiply(annualRate).multiply(multiplier).multiply(BigDecimal.valueOf(days))
                .divide(dayBasis, 10, RoundingMode.HALF_EVEN);
        String working = overdueAmount.toPlainString() + " x " + annualRate.toPlainString() + " x "
                + multiplier.toPlainString() + " / " + dayBasis.toPlainString() + " x " + days + " days";
        return new PenaltyInterest(raw, working);
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
    public String message() {
        return "penalty interest " + amount.toPlainString() + " = " + working;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
