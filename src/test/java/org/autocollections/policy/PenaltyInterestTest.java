package org.autocollections.policy;

import org.autocollections.api.Language;
import org.autocollections.ruleset.Wording;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.autocollections.api.ReasonArea;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** Penalty interest on the overdue amount: the contract's formula, rounded once, half-even, to the cent. */
@DatabaseFree
class PenaltyInterestTest {

    @Test
    void theOverdueAmountAccruesTheContractRateTimesTheMultiplierForEachDay() {
        PenaltyInterest interest = PenaltyInterest.accrue(new BigDecimal("4300.00"), new BigDecimal("0.068"),
                new BigDecimal("1.5"), new BigDecimal("360"), 45);

        // 4300 x 0.068 x 1.5 x 45 / 360 = 54.825, half-even to 54.82.
        assertThat(interest.getAmount()).isEqualTo(new BigDecimal("54.82"));
        assertThat(interest.area()).isEqualTo(ReasonArea.OVERDUE);
        assertThat(interest.code()).isEqualTo("PENALTY_INTEREST");
        assertThat(inEnglish(interest)).isEqualTo("penalty interest 54.82 = 4300.00 x 0.068 x 1.5 / 360 x 45 days");
    }

    @Test
    void halfACentGoesToTheEvenCent() {
        assertThat(accrue("12.5", 1).getAmount()).isEqualTo(new BigDecimal("0.12"));
        assertThat(accrue("13.5", 1).getAmount()).isEqualTo(new BigDecimal("0.14"));
    }

    @Test
    void itIsRoundedOnceAtTheEndNotDayByDay() {
        // 0.004 a day rounds to nothing; 30 days of it are 0.12.
        assertThat(accrue("0.4", 30).getAmount()).isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void noDayOverdueAccruesNothing() {
        assertThat(accrue("4300", 0).getAmount()).isEqualTo(new BigDecimal("0.00"));
    }

    /** At 1 % a day, multiplier 1, day basis 1. */
    private static PenaltyInterest accrue(String overdue, int days) {
        return PenaltyInterest.accrue(new BigDecimal(overdue), new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ONE, days);
    }

    /** The reason as the shipped wording gives it in English. */
    private static String inEnglish(Conclusion reason) {
        return Wording.shipped().words(Language.EN, null).word(reason);
    }
}
