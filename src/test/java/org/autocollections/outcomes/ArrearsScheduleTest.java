package org.autocollections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.autocollections.DatabaseFree;
import org.autocollections.engine.Engines;
import org.junit.jupiter.api.Test;

/** Whether a case cured or rolled is read from its schedule and payments, as a servicer counts days past due. */
@DatabaseFree
class ArrearsScheduleTest {

    private static final BigDecimal INSTALMENT = new BigDecimal("1000.00");
    private static final ArrearsSchedule ON_THE_20TH = new ArrearsSchedule(INSTALMENT, 20);
    private static final LocalDate ASSIGNED = LocalDate.of(2026, 9, 1);
    private static final LocalDate END = LocalDate.of(2026, 10, 1);

    @Test
    void payingTheArrearsAndTheInstalmentThatFellDueMeansNothingIsPastDue() {
        // Owed one instalment (due 20 August) at assignment; 20 September's fell due in the window; both paid.
        assertThat(ON_THE_20TH.daysPastDue(INSTALMENT, ASSIGNED, END, new BigDecimal("2000.00"))).isZero();
    }

    @Test
    void payingNothingLeavesTheOldestInstalmentUnpaidAndTheDaysGrow() {
        assertThat(ON_THE_20TH.daysPastDue(INSTALMENT, ASSIGNED, END, BigDecimal.ZERO)).isEqualTo(42); // since 20 August
    }

    @Test
    void payingEachNewInstalmentKeepsPaceWithoutCatchingUp() {
        // The arrears stay one instalment: the oldest unpaid is now 20 September's.
        assertThat(ON_THE_20TH.daysPastDue(INSTALMENT, ASSIGNED, END, INSTALMENT)).isEqualTo(11);
    }

    @Test
    void aPartPaymentStillLeavesAnInstalmentUnpaid() {
        assertThat(ON_THE_20TH.daysPastDue(INSTALMENT, ASSIGNED, END, new BigDecimal("1999.99"))).isEqualTo(11);
    }

    @Test
    void aDueDayBeyondTheMonthsEndFallsOnItsLastDay() {
        ArrearsSchedule onThe31st = new ArrearsSchedule(INSTALMENT, 31);
        assertThat(onThe31st.dueDateOnOrBefore(LocalDate.of(2026, 3, 5))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(onThe31st.dueDatesBetween(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 4, 30))).isEqualTo(3);
    }

    @Test
    void theBucketOfTheDaysIsThePolicysOwn() {
        BucketOfDays buckets = new BucketOfDays(Engines.engine(Clock.systemUTC()), Engines.shippedRuleset());
        assertThat(buckets.current()).isEqualTo("M0");
        assertThat(buckets.bucket(1)).isEqualTo("M1");
        assertThat(buckets.bucket(30)).isEqualTo("M1");
        assertThat(buckets.bucket(31)).isEqualTo("M2");
        assertThat(buckets.bucket(42)).isEqualTo("M2");
        assertThat(buckets.bucket(200)).isEqualTo("M7+");
        assertThat(buckets.worse("M2", "M1")).isTrue();
        assertThat(buckets.worse("M1", "M2")).isFalse();
        assertThat(buckets.worse("M7+", "M6")).isTrue();
        assertThat(buckets.worse("M9", "M1")).as("a bucket the policy does not give").isFalse();
    }
}
