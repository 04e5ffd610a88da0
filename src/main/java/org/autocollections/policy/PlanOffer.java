package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.autocollections.api.PlanType;
import org.autocollections.api.ReasonArea;

/**
 * A repayment plan the borrower may be offered, with its payments to the cent. The arithmetic of each kind of plan
 * is here; which plans are offered, and when, is in rules/repayment-plans.drl and its table.
 */
public final class PlanOffer extends Conclusion {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final PlanType type;
    private final String method;
    private final Integer termMonths;
    private final BigDecimal monthlyPayment;
    private final BigDecimal firstPayment;
    private final BigDecimal lastPayment;
    private final BigDecimal lumpSum;
    private final BigDecimal totalPayable;

    private PlanOffer(PlanType type, String method, Integer termMonths, BigDecimal monthlyPayment, BigDecimal firstPayment,
            BigDecimal lastPayment, BigDecimal lumpSum, BigDecimal totalPayable) {
        this.type = type;
        this.method = method;
        this.termMonths = termMonths;
        this.monthlyPayment = cents(monthlyPayment);
        this.firstPayment = cents(firstPayment);
        this.lastPayment = cents(lastPayment);
        this.lumpSum = cents(lumpSum);
        this.totalPayable = cents(totalPayable);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Defers the overdue instalments to the end of the term; the monthly payment stays the instalment. */
    public static PlanOffer extension(int deferredInstalments, BigDecimal instalment) {
        return new PlanOffer(PlanType.EXTENSION, "DEFER_TO_END", deferredInstalments, instalment, null, null, null, null);
    }

    /** Spreads the arrears and penalty over n months on top of the instalment. */
    public static PlanOffer catchUp(int months, BigDecimal arrears, BigDecimal instalment) {
        BigDecimal extra = arrears.divide(BigDecimal.valueOf(months), PRECISION);
        return new PlanOffer(PlanType.CATCH_UP, "ARREARS_OVER_" + months + "_MONTHS", months, instalment.add(extra),
                null, null, null, instalment.add(extra).multiply(BigDecimal.valueOf(months)));
    }

    /** Equal instalments (等額本息): P r / (1 - (1 + r)^-n), r the monthly rate; P / n when the rate is zero. */
    public static PlanOffer restructureEqualInstalment(BigDecimal principal, BigDecimal annualRate, int months) {
        BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), PRECISION);
        BigDecimal payment = r.signum() == 0
                ? principal.divide(BigDecimal.valueOf(months), PRECISION)
                : principal.multiply(r).divide(BigDecimal.ONE.subtract(
                        BigDecimal.ONE.divide(BigDecimal.ONE.add(r).pow(months, PRECISION), PRECISION)), PRECISION);
        return new PlanOffer(PlanType.RESTRUCTURE, "EQUAL_INSTALMENT", months, payment, payment, payment, null,
                payment.setScale(2, RoundingMode.HALF_EVEN).multiply(BigDecimal.valueOf(months)));
    }

    /** Equal principal (等額本金): P / n of principal each month plus interest on what remains. */
    public static PlanOffer restructureEqualPrincipal(BigDecimal principal, BigDecimal annualRate, int months) {
        BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), PRECISION);
        BigDecimal part = principal.divide(BigDecimal.valueOf(months), PRECISION);
        BigDecimal first = part.add(principal.multiply(r));
        BigDecimal last = part.add(part.multiply(r));
        // Interest falls linearly, so the total is n times the mean of the first and last payments.
        BigDecimal total = first.add(last).multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(2), PRECISION);
        return new PlanOffer(PlanType.RESTRUCTURE, "EQUAL_PRINCIPAL", months, first, first, last, null, total);
    }

    /** Settles the debt for a lump sum: the balance less a discount. */
    public static PlanOffer settlement(BigDecimal balance, BigDecimal discount) {
        BigDecimal sum = balance.multiply(BigDecimal.ONE.subtract(discount));
        return new PlanOffer(PlanType.SETTLEMENT, "LUMP_SUM_" + discount.movePointRight(2).stripTrailingZeros().toPlainString()
                + "_PCT_OFF", null, null, null, null, sum, sum);
    }

    public PlanType getType() {
        return type;
    }

    public String getMethod() {
        return method;
    }

    public Integer getTermMonths() {
        return termMonths;
    }

    /** The largest monthly payment the plan asks for: what affordability is judged on. */
    public BigDecimal getHighestMonthlyPayment() {
        return firstPayment != null ? firstPayment : monthlyPayment;
    }

    public BigDecimal getMonthlyPayment() {
        return monthlyPayment;
    }

    public BigDecimal getFirstPayment() {
        return firstPayment;
    }

    public BigDecimal getLastPayment() {
        return lastPayment;
    }

    public BigDecimal getLumpSum() {
        return lumpSum;
    }

    public BigDecimal getTotalPayable() {
        return totalPayable;
    }

    /** Whether the monthly payment is within share x (income - other debts); a lump sum has no monthly payment. */
    public boolean affordable(CaseFacts facts, BigDecimal share) {
        BigDecimal payment = getHighestMonthlyPayment();
        if (payment == null) {
            return true;
        }
        BigDecimal room = facts.getMonthlyIncome().subtract(facts.getMonthlyDebtPayments()).multiply(share);
        return payment.compareTo(room) <= 0;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.PLAN;
    }

    @Override
    public String code() {
        return "PLAN_" + type.name();
    }

    @Override
    public Object parameter(String name) {
        boolean falling = firstPayment != null && !firstPayment.equals(lastPayment);
        return switch (name) {
            case "type" -> type.name();
            case "method" -> method;
            case "months" -> termMonths;
            case "monthly" -> monthlyPayment;
            case "first" -> falling ? firstPayment : null;
            case "last" -> falling ? lastPayment : null;
            case "lumpSum" -> lumpSum;
            default -> null;
        };
    }
}
