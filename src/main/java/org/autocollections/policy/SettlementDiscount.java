package org.autocollections.policy;

import java.math.BigDecimal;

/** The share of the balance a settlement may forgive, by bucket. */
public final class SettlementDiscount {

    private final BigDecimal rate;

    public SettlementDiscount(String rate) {
        this.rate = new BigDecimal(rate.trim());
    }

    public BigDecimal getRate() {
        return rate;
    }
}
