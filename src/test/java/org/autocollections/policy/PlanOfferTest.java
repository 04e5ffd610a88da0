package org.autocollections.policy;

import org.autocollections.api.Language;
import org.autocollections.ruleset.Wording;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.autocollections.api.PlanType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.autocollections.DatabaseFree;

/** The payments of each kind of repayment plan, to the cent, and whether the borrower can afford them. */
@DatabaseFree
class PlanOfferTest {

    @Test
    void anExtensionDefersTheOverdueInstalmentsAndKeepsTheMonthlyPayment() {
        PlanOffer offer = PlanOffer.extension(2, new BigDecimal("2150"));

        assertThat(offer.getType()).isEqualTo(PlanType.EXTENSION);
        assertThat(offer.getMethod()).isEqualTo("DEFER_TO_END");
        assertThat(offer.getTermMonths()).isEqualTo(2);
        assertThat(offer.getMonthlyPayment()).isEqualByComparingTo("2150.00").hasScaleOf(2);
        assertThat(offer.getHighestMonthlyPayment()).isEqualTo(new BigDecimal("2150.00"));
        assertThat(offer.getTotalPayable()).isNull();
        assertThat(offer.code()).isEqualTo("PLAN_EXTENSION");
        assertThat(inEnglish(offer)).isEqualTo("offer EXTENSION DEFER_TO_END: 2 months, 2150.00 a month");
    }

    @Test
    void aCatchUpSpreadsTheArrearsOverTheMonthsOnTopOfTheInstalment() {
        PlanOffer offer = PlanOffer.catchUp(3, new BigDecimal("1000"), new BigDecimal("2150"));

        assertThat(offer.getMethod()).isEqualTo("ARREARS_OVER_3_MONTHS");
        // 2150 + 1000 / 3 = 2483.333...; the total is worked from the unrounded payment: 7450.00, not 3 x 2483.33.
        assertThat(offer.getMonthlyPayment()).isEqualTo(new BigDecimal("2483.33"));
        assertThat(offer.getTotalPayable()).isEqualTo(new BigDecimal("7450.00"));
    }

    @Test
    void equalInstalmentsRepayPrincipalAndInterestInTheSamePaymentEachMonth() {
        PlanOffer offer = PlanOffer.restructureEqualInstalment(new BigDecimal("100000"), new BigDecimal("0.12"), 12);

        // 100000 x 0.01 / (1 - 1.01^-12) = 8884.8788...
        assertThat(offer.getMethod()).isEqualTo("EQUAL_INSTALMENT");
        assertThat(offer.getMonthlyPayment()).isEqualTo(new BigDecimal("8884.88"));
        assertThat(offer.getFirstPayment()).isEqualTo(offer.getLastPayment()).isEqualTo(new BigDecimal("8884.88"));
        // What the borrower pays: twelve payments of the rounded amount.
        assertThat(offer.getTotalPayable()).isEqualTo(new BigDecimal("106618.56"));
        assertThat(inEnglish(offer)).isEqualTo("offer RESTRUCTURE EQUAL_INSTALMENT: 12 months, 8884.88 a month");
    }

    @Test
    void atARateOfZeroEqualInstalmentsAreThePrincipalDividedByTheMonths() {
        PlanOffer offer = PlanOffer.restructureEqualInstalment(new BigDecimal("10000"), BigDecimal.ZERO, 3);

        assertThat(offer.getMonthlyPayment()).isEqualTo(new BigDecimal("3333.33"));
        assertThat(offer.getTotalPayable()).isEqualTo(new BigDecimal("9999.99"));
    }

    @Test
    void equalPrincipalPaymentsFallAsTheInterestOnWhatRemainsFalls() {
        PlanOffer offer = PlanOffer.restructureEqualPrincipal(new BigDecimal("12000"), new BigDecimal("0.12"), 12);

        // 1000 of principal a month; interest 1 % of 12000 in the first month, of 1000 in the last.
        assertThat(offer.getFirstPayment()).isEqualTo(new BigDecimal("1120.00"));
        assertThat(offer.getLastPayment()).isEqualTo(new BigDecimal("1010.00"));
        assertThat(offer.getHighestMonthlyPayment()).isEqualTo(new BigDecimal("1120.00"));
        assertThat(offer.getTotalPayable()).isEqualTo(new BigDecimal("12780.00"));
        assertThat(inEnglish(offer)).isEqualTo("offer RESTRUCTURE EQUAL_PRINCIPAL: 12 months, first 1120.00, last 1010.00");
    }

    @Test
    void aSettlementIsTheBalanceLessTheDiscountPaidAtOnce() {
        PlanOffer offer = PlanOffer.settlement(new BigDecimal("86000"), new BigDecimal("0.15"));

        assertThat(offer.getMethod()).isEqualTo("LUMP_SUM_15_PCT_OFF");
        assertThat(offer.getLumpSum()).isEqualTo(new BigDecimal("73100.00"));
        assertThat(offer.getTotalPayable()).isEqualTo(new BigDecimal("73100.00"));
        assertThat(offer.getTermMonths()).isNull();
        assertThat(offer.getHighestMonthlyPayment()).isNull();
        assertThat(inEnglish(offer)).isEqualTo("offer SETTLEMENT LUMP_SUM_15_PCT_OFF: lump sum 73100.00");
    }

    @Test
    void aPlanIsAffordableUpToTheShareOfIncomeLeftAfterOtherDebtsAndNotACentMore() {
        // The example borrower earns 12000.00 a month and pays 2500.00 on other debts: half of 9500.00 is 4750.00.
        CaseFacts facts = CaseFactsOf.of(CaseFactsOf.example());
        BigDecimal half = new BigDecimal("0.5");

        assertThat(PlanOffer.extension(1, new BigDecimal("4750.00")).affordable(facts, half)).isTrue();
        assertThat(PlanOffer.extension(1, new BigDecimal("4750.01")).affordable(facts, half)).isFalse();
        assertThat(PlanOffer.restructureEqualPrincipal(new BigDecimal("4000"), BigDecimal.ZERO, 1).affordable(facts, half))
                .isTrue();
        assertThat(PlanOffer.restructureEqualPrincipal(new BigDecimal("12000"), new BigDecimal("0.12"), 12)
                .affordable(facts, new BigDecimal("0.11"))).as("judged on the first, highest payment: 1120.00 > 1045.00")
                .isFalse();
    }

    @Test
    void aLumpSumHasNoMonthlyPaymentSoItIsNeverUnaffordable() {
        ObjectNode json = CaseFactsOf.example();
        ((ObjectNode) json.get("borrower")).put("monthlyIncome", 0);

        assertThat(PlanOffer.settlement(new BigDecimal("86000"), new BigDecimal("0.15"))
                .affordable(CaseFactsOf.of(json), BigDecimal.ONE)).isTrue();
    }

    /** The reason as the shipped wording gives it in English. */
    private static String inEnglish(Conclusion reason) {
        return Wording.shipped().words(Language.EN, null).word(reason);
    }
}
