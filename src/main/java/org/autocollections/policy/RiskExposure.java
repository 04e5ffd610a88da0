package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.autocollections.api.ReasonArea;

/** What the lender stands to lose: the balance the car would not recover, and that loss weighted by the PD. */
public final class RiskExposure extends Conclusion {

    private final BigDecimal exposure;
    private final BigDecimal expectedLoss;
    private final String working;

    private RiskExposure(BigDecimal exposure, BigDecimal expectedLoss, String working) {
        this.exposure = exposure;
        this.expectedLoss = expectedLoss;
        this.working = working;
    }

    /** exposure = max(0, balance - vehicle value x recovery rate); expected loss = PD x exposure; both to the cent. */
    public static RiskExposure of(BigDecimal balance, BigDecimal vehicleValue, BigDecimal recoveryRate, BigDecimal pd) {
        BigDecimal recovered = vehicleValue.multiply(recoveryRate);
        BigDecimal exposure = balance.subtract(recovered).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal expectedLoss = exposure.multiply(pd).setScale(2, RoundingMode.HALF_EVEN);
        String working = "exposure " + exposure.toPlainString() + " = max(0, " + balance.toPlainString() + " - "
                + vehicleValue.toPlainString() + " x " + recoveryRate.toPlainString() + "); expected loss "
                + expectedLoss.toPlainString() + " = " + pd.stripTrailingZeros().toPlainString() + " x exposure";
        return new RiskExposure(exposure, expectedLoss, working);
    }

    public BigDecimal getExposure() {
        return exposure;
    }

    public BigDecimal getExpectedLoss() {
        return expectedLoss;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.RISK;
    }

    @Override
    public String code() {
        return "EXPOSURE";
    }

    @Override
    public String message() {
        return working;
    }
}
