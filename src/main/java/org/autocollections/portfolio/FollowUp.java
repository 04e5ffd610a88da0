package org.autocollections.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.cases.LogRequests;
import org.autocollections.cases.PromiseEntry;

/**
 * The weeks after a decision on a synthetic case, simulated: the contacts the collectors make, the promises the
 * borrower makes and keeps or breaks, and the payments, each as the servicer would log it. What happens depends, by
 * the probabilities documented in docs/portfolio-generator.md, on the action taken ({@link FollowUpStrategy}), so a
 * test of the outcome report has a true effect to find. Seeded per case: the same seed, case and strategy give the
 * same weeks, whatever other cases are simulated.
 *
 * <p>A case either cures (pays what was overdue in one payment and then each instalment on its due day), keeps pace
 * (pays each instalment as it falls due, so it stays in its bucket), or pays nothing (and rolls forward).
 */
public final class FollowUp {

    /** Of the cases that do not cure, the share that keep paying each new instalment. */
    public static final double KEEP_PACE = 0.35;
    /** The share of curing cases that promise first, and keep the promise. */
    public static final double PROMISE_BEFORE_CURE = 0.60;
    /** The share of cases that do not cure that promise anyway, and break the promise. */
    public static final double PROMISE_NOT_KEPT = 0.30;
    /** Days between contact attempts. */
    public static final int CONTACT_EVERY_DAYS = 7;

    /** What the servicer logs on one case in the weeks after the decision. */
    public record Logs(String caseId, boolean cured, List<LogRequests.Contact> contacts,
            List<LogRequests.Promise> promises, List<LogRequests.Payment> payments) {
    }

    private final long seed;

    public FollowUp(long seed) {
        this.seed = seed;
    }

    /** The {@code days} after {@code decidedAt} of a case overdue then, under a strategy. */
    public Logs simulate(CollectionCase c, FollowUpStrategy strategy, Instant decidedAt, int days) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + c.caseId().hashCode());
        ZoneId zone = c.borrower().timeZone() == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(c.borrower().timeZone());
        LocalDate first = LocalDate.ofInstant(decidedAt, zone);
        LocalDate last = first.plusDays(days);
        LocalDate due = c.loan().oldestUnpaidDueDate();
        int daysPastDue = due == null ? 0 : (int) ChronoUnit.DAYS.between(due, first);
        BigDecimal instalment = c.loan().monthlyInstalment();
        boolean cured = r.nextDouble() < strategy.cureProbability(daysPastDue);
        boolean keepsPace = !cured && r.nextDouble() < KEEP_PACE;

        List<LogRequests.Payment> payments = new ArrayList<>();
        List<LogRequests.Promise> promises = new ArrayList<>();
        LocalDate payDay = first.plusDays(1 + r.nextInt(Math.max(1, days * 3 / 4)));
        if (cured) {
            payments.add(new LogRequests.Payment(c.caseId() + "-PAY-0", payDay, c.loan().overdueAmount()));
        }
        if ((cured || keepsPace) && due != null && instalment != null) {
            int n = 1;
            for (LocalDate next = nextDue(due, first); !next.isAfter(last); next = nextDue(due, next)) {
                // a curing case pays an instalment that falls due before its payment with that payment's day
                LocalDate on = cured && next.isBefore(payDay) ? payDay : next;
                payments.add(new LogRequests.Payment(c.caseId() + "-PAY-" + n++, on, instalment));
            }
        }
        if (cured && r.nextDouble() < PROMISE_BEFORE_CURE) {
            promises.add(promise(c, payDay.minusDays(1 + r.nextInt(3)), payDay, zone, PromiseEntry.Status.KEPT, first));
        } else if (!cured && r.nextDouble() < PROMISE_NOT_KEPT) {
            LocalDate made = first.plusDays(1 + r.nextInt(Math.max(1, days / 2)));
            promises.add(promise(c, made, made.plusDays(7), zone, PromiseEntry.Status.BROKEN, first));
        }
        return new Logs(c.caseId(), cured, contacts(c, strategy, r, first, days, zone, cured, !promises.isEmpty()),
                promises, payments);
    }

    private static LogRequests.Promise promise(CollectionCase c, LocalDate made, LocalDate dueOn, ZoneId zone,
            PromiseEntry.Status status, LocalDate first) {
        LocalDate day = made.isBefore(first) ? first : made;
        return new LogRequests.Promise(c.caseId() + "-PTP-0", day.atTime(LocalTime.of(11, 0)).atZone(zone).toOffsetDateTime(),
                dueOn, c.loan().overdueAmount(), status);
    }

    /** One attempt a week, the strategy's channel for the first half, calls after; the borrower answers one if paying. */
    private static List<LogRequests.Contact> contacts(CollectionCase c, FollowUpStrategy strategy, SplittableRandom r,
            LocalDate first, int days, ZoneId zone, boolean cured, boolean promised) {
        List<LogRequests.Contact> contacts = new ArrayList<>();
        int answered = cured || promised ? r.nextInt(Math.max(1, days / CONTACT_EVERY_DAYS / 2)) : -1;
        for (int i = 0, day = 1 + r.nextInt(3); day <= days; i++, day += CONTACT_EVERY_DAYS) {
            ContactChannel channel = day <= days / 2 ? strategy.firstChannel() : ContactChannel.PHONE;
            ContactOutcome outcome = i == answered ? (promised ? ContactOutcome.PROMISE_TO_PAY : ContactOutcome.CONTACTED)
                    : channel == ContactChannel.PHONE && r.nextDouble() < 0.15 ? ContactOutcome.REFUSED
                    : channel == ContactChannel.SMS ? ContactOutcome.DELIVERED : ContactOutcome.NO_ANSWER;
            OffsetDateTime at = first.plusDays(day).atTime(LocalTime.of(10 + r.nextInt(8), r.nextInt(60))).atZone(zone)
                    .toOffsetDateTime();
            contacts.add(new LogRequests.Contact(c.caseId() + "-C-" + i, at, channel, outcome, null));
        }
        return contacts;
    }

    /** The first due date after {@code day} on the loan's due day of the month. */
    private static LocalDate nextDue(LocalDate due, LocalDate day) {
        LocalDate next = day.plusMonths(1).withDayOfMonth(Math.min(due.getDayOfMonth(), day.plusMonths(1).lengthOfMonth()));
        LocalDate sameMonth = day.withDayOfMonth(Math.min(due.getDayOfMonth(), day.lengthOfMonth()));
        return sameMonth.isAfter(day) ? sameMonth : next;
    }
}
