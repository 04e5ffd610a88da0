package org.autocollections.policy;

import org.autocollections.api.Language;
import org.autocollections.ruleset.Wording;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** What the lender stands to lose on a case, and that loss weighted by the probability of default. */
@DatabaseFree
class RiskExposureTest {

    @Test
    void theExposureIsTheBalanceTheCarWouldNotRecover() {
        RiskExposure risk = RiskExposure.of(new BigDecimal("86000.00"), new BigDecimal("70000.00"), new BigDecimal("0.7"),
                new BigDecimal("0.150"));

        // 86000 - 70000 x 0.7 = 37000; 0.15 x 37000 = 5550.
        assertThat(risk.getExposure()).isEqualTo(new BigDecimal("37000.00"));
        assertThat(risk.getExpectedLoss()).isEqualTo(new BigDecimal("5550.00"));
        assertThat(risk.code()).isEqualTo("EXPOSURE");
        assertThat(inEnglish(risk)).isEqualTo("exposure 37000.00 = max(0, 86000.00 - 70000.00 x 0.7); "
                + "expected loss 5550.00 = 0.15 x exposure");
    }

    @Test
    void aCarWorthMoreThanTheBalanceLeavesNoExposureAndNoExpectedLoss() {
        RiskExposure risk = RiskExposure.of(new BigDecimal("10000"), new BigDecimal("50000"), new BigDecimal("0.7"),
                new BigDecimal("0.5"));

        assertThat(risk.getExposure()).isEqualTo(new BigDecimal("0.00"));
        assertThat(risk.getExpectedLoss()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void bothAmountsAreTakenToTheCentHalfEven() {
        // 100.005 - 0 = 100.005 -> 100.00; 100.00 x 0.12345 = 12.345 -> 12.34.
        RiskExposure risk = RiskExposure.of(new BigDecimal("100.005"), BigDecimal.ZERO, new BigDecimal("0.7"),
                new BigDecimal("0.12345"));

        assertThat(risk.getExposure()).isEqualTo(new BigDecimal("100.00"));
        assertThat(risk.getExpectedLoss()).isEqualTo(new BigDecimal("12.34"));
    }

    /** The reason as the shipped wording gives it in English. */
    private static String inEnglish(Conclusion reason) {
        return Wording.shipped().words(Language.EN, null).word(reason);
    }
}
