package org.autocollections.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.autocollections.api.Borrower;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.BorrowerFlag;
import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.Decision;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.LegalStage;
import org.autocollections.api.NextActionType;
import org.autocollections.api.RecommendedChannel;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.engine.Engines;
import org.autocollections.ruleset.Ruleset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tag;
import org.autocollections.DatabaseFree;

/**
 * Properties the shipped policy must keep for every case, not just the golden ones: more days past due never makes a
 * case look better; the service never advises a contact in quiet hours; a servicer that always follows the advice
 * never breaks a contact cap, in either jurisdiction.
 */
@Tag(DatabaseFree.TAG)
class PolicyPropertiesTest {

    private static Ruleset ruleset;
    private static DecisionEngine engine;

    @BeforeContainer
    static void compilePolicy() {
        ruleset = Engines.shippedRuleset();
        engine = Engines.engine(Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC));
    }

    private static Decision decide(CollectionCase c) {
        return engine.decide(c, ruleset);
    }

    private static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-11-29T10:00:00+08:00");

    @Provide
    Arbitrary<CollectionCase> anyCase() {
        return Arbitraries.of(Jurisdiction.class).flatMap(j -> RandomCases.cases(AS_OF, 0, j));
    }

    private static CollectionCase withDaysPastDue(CollectionCase c, int days) {
        LocalDate today = AS_OF.atZoneSameInstant(RandomCases.zone(c)).toLocalDate();
        var loan = c.loan();
        return new CollectionCase(c.caseId(), c.asOf(), c.jurisdiction(), c.borrower(),
                new org.autocollections.api.Loan(loan.loanId(), loan.currency(), loan.outstandingBalance(),
                        loan.overdueAmount(), loan.annualInterestRate(), loan.monthlyInstalment(),
                        loan.remainingTermMonths(), days == 0 ? null : today.minusDays(days), loan.arbitrationClause()),
                c.collateral(), c.history());
    }

    @Property(tries = 300)
    void moreDaysPastDueNeverLowersTheClassificationOrTheScore(@ForAll("anyCase") CollectionCase c,
            @ForAll("daysPastDue") int days, @ForAll @IntRange(min = 0, max = 400) int more) {
        RandomCases.collectAreas(c, days);
        RandomCases.checkAreas(5);
        Decision earlier = decide(withDaysPastDue(c, days));
        Decision later = decide(withDaysPastDue(c, days + more));
        assertThat(later.overdue().classification()).isGreaterThanOrEqualTo(earlier.overdue().classification());
        assertThat(later.risk().score()).isGreaterThanOrEqualTo(earlier.risk().score());
        assertThat(later.risk().score()).isBetween(0, 1000);
    }

    @Provide
    Arbitrary<Integer> daysPastDue() {
        return RandomCases.daysPastDue();
    }

    @Provide
    Arbitrary<CollectionCase> overdueCaseAtAnyHour() {
        Arbitrary<OffsetDateTime> asOf = Arbitraries.integers().between(0, 7 * 24 * 60 - 1)
                .map(minutes -> AS_OF.minusDays(3).plusMinutes(minutes));
        return Combinators.combine(asOf, RandomCases.daysPastDue(), Arbitraries.of(Jurisdiction.class))
                .flatAs((at, days, j) -> RandomCases.cases(at, days, j));
    }

    @Property(tries = 400)
    void noContactIsEverAdvisedInQuietHours(@ForAll("overdueCaseAtAnyHour") CollectionCase c) {
        RandomCases.collectAreas(c, (int) java.time.temporal.ChronoUnit.DAYS.between(c.loan().oldestUnpaidDueDate(),
                c.asOf().toLocalDate()));
        RandomCases.checkAreas(5);
        Decision d = decide(c);
        Instant next = d.contact() == null ? null : d.contact().earliestNextContact();
        if (next == null || d.contact().channel() == RecommendedChannel.LETTER) {
            return; // letters are posted, not delivered at an hour
        }
        assertThat(next).isAfterOrEqualTo(d.asOf());
        LocalDateTime local = LocalDateTime.ofInstant(next, RandomCases.zone(c));
        int end = c.jurisdictionOrDefault() == Jurisdiction.US ? 21 : 22;
        assertThat(local.getHour()).as("local hour of %s in %s", next, c.borrower().timeZone()).isBetween(8, end - 1);
        if (d.nextAction().notBefore() != null && d.nextAction().type() != NextActionType.WAIT) {
            LocalDateTime action = LocalDateTime.ofInstant(d.nextAction().notBefore(), RandomCases.zone(c));
            assertThat(action.getHour()).isBetween(8, end - 1);
        }
    }

    @Provide
    Arbitrary<CollectionCase> delinquentBorrower() {
        return Combinators.combine(RandomCases.daysPastDue(), Arbitraries.of(Jurisdiction.class), Arbitraries.of(RandomCases.ZONES),
                        Arbitraries.of(true, false, false, false))
                .flatAs((d, j, zone, cease) -> RandomCases.cases(AS_OF, d, j).map(c -> withoutHistory(c, zone, cease)));
    }

    /**
     * A fresh start: no history, no flag but (sometimes) a request to cease communication, which leaves only the
     * notices sent by letter. Consents are as generated, so a channel without consent falls back to another.
     */
    private static CollectionCase withoutHistory(CollectionCase c, String zone, boolean cease) {
        Borrower b = c.borrower();
        Borrower clean = new Borrower(b.customerId(), zone, b.creditScore(), b.monthlyIncome(), b.monthlyDebtPayments(),
                b.employment(), b.hardship(), b.consents(), cease ? Set.of(BorrowerFlag.CEASE_COMMUNICATION) : Set.of(), b.state());
        return new CollectionCase(c.caseId(), c.asOf(), c.jurisdiction(), clean, c.loan(), c.collateral(), History.EMPTY);
    }

    @Property(tries = 150)
    void aMonthOfFollowingTheAdviceNeverBreaksACap(@ForAll("delinquentBorrower") CollectionCase start,
            @ForAll("outcomes") List<ContactOutcome> outcomes) {
        ZoneId zone = RandomCases.zone(start);
        List<ContactAttempt> contacts = new ArrayList<>();
        List<LegalActionRecord> legal = new ArrayList<>();
        OffsetDateTime now = start.asOf();
        OffsetDateTime end = now.plusDays(30);
        for (int step = 0; step < 400 && now.isBefore(end); step++) {
            CollectionCase c = new CollectionCase(start.caseId(), now, start.jurisdiction(), start.borrower(), start.loan(),
                    start.collateral(), new History(List.copyOf(contacts), 0, List.of(), List.copyOf(legal), null));
            Decision d = decide(c);
            NextActionType action = d.nextAction().type();
            Instant at = d.nextAction().notBefore() == null ? now.toInstant() : d.nextAction().notBefore();
            OffsetDateTime when = OffsetDateTime.ofInstant(at.isBefore(now.toInstant()) ? now.toInstant() : at, ZoneOffset.UTC);
            switch (action) {
                case CALL, SEND_REMINDER, FIELD_VISIT, OFFER_REPAYMENT_PLAN -> {
                    ContactChannel channel = ContactChannel.valueOf(d.contact().channel().name());
                    contacts.add(new ContactAttempt(when, channel, outcomes.get(step % outcomes.size())));
                    now = when.plusMinutes(1);
                }
                case NOTIFY_EFFORTS_TERMINATED, NOTIFY_REMEDIES_AVAILABLE, NOTIFY_REMEDY_INTENDED -> {
                    ContactPurpose purpose = ContactPurpose.valueOf(action.name().substring("NOTIFY_".length()));
                    contacts.add(new ContactAttempt(when, ContactChannel.LETTER, ContactOutcome.DELIVERED, purpose));
                    now = when.plusHours(1);
                }
                case SEND_DEMAND_NOTICE -> {
                    legal.add(new LegalActionRecord(LegalStage.DEMAND_NOTICE, LocalDate.ofInstant(at, zone)));
                    now = when.plusHours(1);
                }
                case SEND_LAWYER_LETTER -> {
                    legal.add(new LegalActionRecord(LegalStage.LAWYER_LETTER, LocalDate.ofInstant(at, zone)));
                    now = when.plusHours(1);
                }
                default -> now = when.plusHours(6);
            }
        }
        assertWithinCaps(start.jurisdictionOrDefault(), zone, contacts);
        Statistics.label("contacted in the month").collect(!contacts.isEmpty());
        Statistics.label("a letter sent").collect(contacts.stream().anyMatch(a -> a.channel() == ContactChannel.LETTER));
        Statistics.label("a call made").collect(contacts.stream().anyMatch(a -> a.channel() == ContactChannel.PHONE));
        Statistics.label("contacted in the month").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("a letter sent").coverage(c -> c.check(true).percentage(p -> p >= 10));
        Statistics.label("a call made").coverage(c -> c.check(true).percentage(p -> p >= 8));
    }

    @Provide
    Arbitrary<List<ContactOutcome>> outcomes() {
        return Arbitraries.of(ContactOutcome.NO_ANSWER, ContactOutcome.NO_ANSWER, ContactOutcome.CONTACTED,
                ContactOutcome.REFUSED, ContactOutcome.DELIVERED).list().ofMinSize(1).ofMaxSize(20);
    }

    /** The caps of the jurisdiction, checked on the contacts as a regulator would count them. */
    static void assertWithinCaps(Jurisdiction jurisdiction, ZoneId zone, List<ContactAttempt> contacts) {
        int windowEnd = jurisdiction == Jurisdiction.US ? 21 : 22;
        Map<LocalDate, List<ContactAttempt>> byDay = new TreeMap<>();
        for (ContactAttempt c : contacts) {
            LocalDateTime local = LocalDateTime.ofInstant(c.at().toInstant(), zone);
            if (c.channel() != ContactChannel.LETTER) {
                assertThat(local.getHour()).as("contact at %s local", local).isBetween(8, windowEnd - 1);
            }
            byDay.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<LocalDate, List<ContactAttempt>> day : byDay.entrySet()) {
            List<ContactAttempt> calls = day.getValue().stream().filter(c -> c.channel() == ContactChannel.PHONE).toList();
            if (jurisdiction == Jurisdiction.CN) {
                assertThat(calls).as("calls on %s", day.getKey()).hasSizeLessThanOrEqualTo(6);
                assertThat(calls.stream().filter(c -> CaseFacts.isConversation(c.outcome())))
                        .as("conversations on %s", day.getKey()).hasSizeLessThanOrEqualTo(3);
                assertThat(day.getValue().stream().filter(c -> c.channel() == ContactChannel.SMS))
                        .as("SMS on %s", day.getKey()).hasSizeLessThanOrEqualTo(2);
            }
            LocalDate first = day.getKey().minusDays(6);
            List<ContactAttempt> week = byDay.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(first) && !e.getKey().isAfter(day.getKey()))
                    .flatMap(e -> e.getValue().stream()).toList();
            if (jurisdiction == Jurisdiction.US) {
                assertThat(week.stream().filter(c -> c.channel() == ContactChannel.PHONE))
                        .as("calls in the 7 days to %s", day.getKey()).hasSizeLessThanOrEqualTo(7);
                // No call within 7 days after a telephone conversation, the conversation's day being day 1.
                for (ContactAttempt call : calls) {
                    LocalDate callDay = day.getKey();
                    boolean earlierConversation = contacts.stream()
                            .filter(c -> c.channel() == ContactChannel.PHONE && CaseFacts.isConversation(c.outcome()))
                            .filter(c -> c.at().toInstant().isBefore(call.at().toInstant()))
                            .map(c -> LocalDate.ofInstant(c.at().toInstant(), zone))
                            .anyMatch(d -> !callDay.isBefore(d) && callDay.isBefore(d.plusDays(7)));
                    assertThat(earlierConversation).as("call on %s within 7 days of a conversation", callDay).isFalse();
                }
            } else {
                assertThat(week.stream().filter(c -> c.channel() == ContactChannel.FIELD_VISIT))
                        .as("field visits in the 7 days to %s", day.getKey()).hasSizeLessThanOrEqualTo(1);
            }
        }
    }
}
