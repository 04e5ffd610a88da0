package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.autocollections.api.ReasonArea;

/** What the lender stands to lose: the balance the car would not recover, and that loss weighted by the PD. */
public final class RiskExposure extends Conclusion {

    private final BigDecimal exposure;
    private final BigDecimal expectedLoss;
    private final BigDecimal balance;
    private final BigDecimal vehicleValue;
    private final BigDecimal recoveryRate;
    private final BigDecimal pd;

    private RiskExposure(BigDecimal exposure, BigDecimal expectedLoss, BigDecimal balance, BigDecimal vehicleValue,
            BigDecimal recoveryRate, BigDecimal pd) {
        this.exposure = exposure;
        this.expectedLoss = expectedLoss;
        this.balance = balance;
        this.vehicleValue = vehicleValue;
        this.recoveryRate = recoveryRate;
        this.pd = pd;
    }

    /** exposure = max(0, balance - vehicle value x recovery rate); expected loss = PD x exposure; both to the cent. */
    public static RiskExposure of(BigDecimal balance, BigDecimal vehicleValue, BigDecimal recoveryRate, BigDecimal pd) {
        BigDecimal recovered = vehicleValue.multiply(recoveryRate);
        BigDecimal exposure = balance.subtract(recovered).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal expectedLoss = exposure.multiply(pd).setScale(2, RoundingMode.HALF_EVEN);
        return new RiskExposure(exposure, expectedLoss, balance, vehicleValue, recoveryRate, pd.stripTrailingZeros());
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
    public Object parameter(String name) {
        return switch (name) {
            case "exposure" -> exposure;
            case "balance" -> balance;
            case "vehicleValue" -> vehicleValue;
            case "recoveryRate" -> recoveryRate;
            case "expectedLoss" -> expectedLoss;
            case "pd" -> pd;
            default -> null;
        };
    }
}
