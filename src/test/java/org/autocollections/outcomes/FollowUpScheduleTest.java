package org.autocollections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.autocollections.DatabaseFree;
import org.autocollections.api.CollectionCase;
import org.autocollections.cases.LogRequests;
import org.autocollections.portfolio.FollowUp;
import org.autocollections.portfolio.FollowUpStrategy;
import org.autocollections.portfolio.SyntheticPortfolio;
import org.junit.jupiter.api.Test;

/**
 * The generator's simulated weeks after a decision are a ground truth only if the outcome measure reads them as
 * they were meant: a case simulated as cured is cured by the schedule, and the cure rates are the documented ones.
 */
@DatabaseFree
class FollowUpScheduleTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 6, 1);
    private static final Instant DECIDED_AT = DECIDED_ON.atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Test
    void aCaseSimulatedAsCuredOwesNothingByTheScheduleAndTheOthersStillOwe() {
        FollowUp followUp = new FollowUp(3);
        List<CollectionCase> overdue = m1Cases(4_000);
        int cured = 0;
        for (CollectionCase c : overdue) {
            FollowUp.Logs logs = followUp.simulate(c, FollowUpStrategy.SMS_FIRST, DECIDED_AT, 60);
            ZoneId zone = ZoneId.of(c.borrower().timeZone());
            LocalDate first = LocalDate.ofInstant(DECIDED_AT, zone);
            LocalDate last = first.plusDays(60);
            BigDecimal paid = logs.payments().stream().filter(p -> !p.on().isBefore(first) && !p.on().isAfter(last))
                    .map(LogRequests.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            ArrearsSchedule schedule = new ArrearsSchedule(c.loan().monthlyInstalment(),
                    c.loan().oldestUnpaidDueDate().getDayOfMonth());
            int days = schedule.daysPastDue(c.loan().overdueAmount(), first, last, paid);
            if (!logs.cured() && schedule.dueDateOnOrBefore(last).equals(last)) {
                // An instalment due on the window's last day is not yet past due (as in the policy): a case whose one
                // unpaid instalment is that day's is 0 days past due then, though it never caught up.
                continue;
            }
            assertThat(days == 0).as(c.caseId() + " simulated cured: " + logs.cured()).isEqualTo(logs.cured());
            cured += logs.cured() ? 1 : 0;
        }
        // The documented 34 % for texting first in M1, within sampling error (3 standard errors).
        assertThat((double) cured / overdue.size()).isCloseTo(0.34, within(3 * Math.sqrt(0.34 * 0.66 / overdue.size())));
    }

    @Test
    void theSameSeedGivesTheSameWeeks() {
        CollectionCase c = m1Cases(1).get(0);
        assertThat(new FollowUp(5).simulate(c, FollowUpStrategy.PHONE_FIRST, DECIDED_AT, 30))
                .isEqualTo(new FollowUp(5).simulate(c, FollowUpStrategy.PHONE_FIRST, DECIDED_AT, 30));
    }

    @Test
    void theStrategysChannelComesFirst() {
        CollectionCase c = m1Cases(1).get(0);
        assertThat(new FollowUp(5).simulate(c, FollowUpStrategy.SMS_FIRST, DECIDED_AT, 30).contacts().get(0).channel())
                .isEqualTo(org.autocollections.api.ContactChannel.SMS);
        assertThat(new FollowUp(5).simulate(c, FollowUpStrategy.PHONE_FIRST, DECIDED_AT, 30).contacts().get(0).channel())
                .isEqualTo(org.autocollections.api.ContactChannel.PHONE);
    }

    private static List<CollectionCase> m1Cases(int n) {
        return new SyntheticPortfolio(11, DECIDED_ON, false).cases(n * 3L)
                .filter(c -> c.loan().oldestUnpaidDueDate() != null
                        && ChronoUnit.DAYS.between(c.loan().oldestUnpaidDueDate(), DECIDED_ON) <= 30)
                .limit(n).toList();
    }
}
