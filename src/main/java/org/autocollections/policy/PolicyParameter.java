package org.autocollections.policy;

import java.math.BigDecimal;

/**
 * A named figure of the policy (a multiplier, a day count basis, a cap) set by a decision-table row, so that an
 * analyst changes the number without touching the rule that uses it.
 */
public final class PolicyParameter {

    private final String name;
    private final BigDecimal value;

    public PolicyParameter(String name, String value) {
        this.name = name;
        this.value = new BigDecimal(value.trim());
    }

    public String getName() {
        return name;
    }

    public BigDecimal getValue() {
        return value;
    }

    public int getIntValue() {
        return value.intValueExact();
    }

    @Override
    public String toString() {
        return name + "=" + value.toPlainString();
    }
}
