package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.autocollections.api.Borrower;
import org.autocollections.api.BorrowerFlag;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Collateral;
import org.autocollections.api.Consents;
import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.Employment;
import org.autocollections.api.GpsTracking;
import org.autocollections.api.Hardship;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.LegalStage;
import org.autocollections.api.Loan;
import org.autocollections.api.PlanRecord;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Plausible, varied collection cases for property tests, reaching every area of the policy: repayment plans active,
 * broken and completed, legal steps taken, a last payment, both jurisdictions with their currency, days past due
 * from 0 to 2,000, hardship, the flags that stop or redirect collection, and contact histories on every channel with
 * every outcome. {@link #collectAreas} counts which of them a property's tries reached, and {@link #checkAreas}
 * fails the property when one of them is reached too seldom to be tested.
 */
final class RandomCases {

    static final List<String> CN_ZONES = List.of("Asia/Shanghai", "Asia/Urumqi");
    static final List<String> US_ZONES = List.of("America/New_York", "America/Chicago", "America/Los_Angeles",
            "Pacific/Honolulu");
    static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Urumqi", "America/New_York", "America/Chicago",
            "America/Los_Angeles", "Pacific/Honolulu", "Europe/London");
    /** States with a limitation row in the policy, one without, and none given. */
    private static final List<String> STATES = List.of("NY", "CA", "TX", "FL", "ZZ");

    private RandomCases() {
    }

    static Arbitrary<BigDecimal> money(int min, int max) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(2);
    }

    /** Days past due, 0 to 2,000, spread over every bucket rather than crowded where most loans are. */
    static Arbitrary<Integer> daysPastDue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 30)),
                Tuple.of(2, Arbitraries.integers().between(31, 90)),
                Tuple.of(2, Arbitraries.integers().between(91, 180)),
                Tuple.of(2, Arbitraries.integers().between(181, 730)),
                Tuple.of(2, Arbitraries.integers().between(731, 2000)));
    }

    static Arbitrary<Borrower> borrowers(Jurisdiction jurisdiction) {
        Arbitrary<Integer> score = Arbitraries.integers().between(300, 850).injectNull(0.2);
        Arbitrary<BigDecimal> income = money(0, 60_000).injectNull(0.2);
        Arbitrary<BigDecimal> debts = money(0, 10_000).injectNull(0.3);
        Arbitrary<Hardship> hardship = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Hardship.NONE)),
                Tuple.of(1, Arbitraries.of(Hardship.class)));
        // bankruptcy and a request to cease stop or narrow every contact: each in about one case in five
        // drawn from a plain random: as a jqwik arbitrary of its own its edge cases were mixed in, and it flagged most cases
        Arbitrary<Boolean> oneInSix = Arbitraries.randomValue(random -> random.nextInt(6) == 0);
        Arbitrary<Set<BorrowerFlag>> flags = Combinators.combine(Arbitraries.of(BorrowerFlag.class).set().ofMaxSize(2),
                oneInSix, oneInSix).as((some, bankrupt, cease) -> {
                    EnumSet<BorrowerFlag> all = EnumSet.noneOf(BorrowerFlag.class);
                    all.addAll(some);
                    if (bankrupt) {
                        all.add(BorrowerFlag.BANKRUPTCY);
                    }
                    if (cease) {
                        all.add(BorrowerFlag.CEASE_COMMUNICATION);
                    }
                    return all.isEmpty() ? Set.of() : all;
                });
        Arbitrary<Consents> consents = Combinators.combine(Arbitraries.of(true, true, true, false),
                Arbitraries.of(true, true, true, false), Arbitraries.of(true, false)).as(Consents::new);
        Arbitrary<String> zone = Arbitraries.of(jurisdiction == Jurisdiction.US ? US_ZONES : CN_ZONES);
        Arbitrary<String> state = jurisdiction == Jurisdiction.US ? Arbitraries.of(STATES).injectNull(0.15) : Arbitraries.just((String) null);
        Arbitrary<Employment> employment = Arbitraries.of(Employment.class);
        return Combinators.combine(score, income, debts, hardship, flags, consents, zone, Combinators.combine(state, employment).as(Tuple::of))
                .as((s, i, d, h, f, c, z, se) -> new Borrower("CUST", z, s, i, d, se.get2(), h, c, f, se.get1()));
    }

    static Arbitrary<Loan> loans(LocalDate dueDate, Jurisdiction jurisdiction) {
        String currency = jurisdiction == Jurisdiction.US ? "USD" : "CNY";
        return Combinators.combine(money(6_000, 400_000), Arbitraries.integers().between(1, 100),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.24")).ofScale(4),
                        Arbitraries.integers().between(0, 72), Arbitraries.of(true, false))
                .as((balance, overduePct, rate, term, arbitration) -> {
                    BigDecimal overdue = balance.multiply(BigDecimal.valueOf(overduePct)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                    BigDecimal instalment = balance.divide(BigDecimal.valueOf(Math.max(term, 12)), 2, RoundingMode.HALF_EVEN);
                    return new Loan("LN", currency, balance, overdue, rate, instalment, term, dueDate, arbitration);
                });
    }

    static Arbitrary<Collateral> collaterals() {
        return Combinators.combine(money(0, 500_000).injectNull(0.1), Arbitraries.of(GpsTracking.class))
                .as((value, gps) -> new Collateral(value, null, gps)).injectNull(0.05);
    }

    /** Up to 30 contacts in the 60 days before asOf, on every channel, with every outcome; a few notices with a purpose. */
    static Arbitrary<List<ContactAttempt>> contacts(OffsetDateTime asOf) {
        Arbitrary<ContactAttempt> one = Combinators.combine(Arbitraries.integers().between(1, 60 * 24 * 60),
                        Arbitraries.of(ContactChannel.class), Arbitraries.of(ContactOutcome.class),
                        Arbitraries.of(ContactPurpose.class).injectNull(0.9))
                .as((minutesBefore, channel, outcome, purpose) -> new ContactAttempt(asOf.minusMinutes(minutesBefore), channel,
                        outcome, channel == ContactChannel.LETTER ? purpose : null));
        return one.list().ofMaxSize(30);
    }

    /** Up to three plans of any type and status, started within 400 days before asOf (about half the cases have none). */
    static Arbitrary<List<PlanRecord>> plans(LocalDate today) {
        Arbitrary<PlanRecord> one = Combinators.combine(Arbitraries.of(PlanType.class), Arbitraries.integers().between(1, 400),
                Arbitraries.of(PlanStatus.class)).as((type, daysAgo, status) -> new PlanRecord(type, today.minusDays(daysAgo), status));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of())), Tuple.of(1, one.list().ofMinSize(1).ofMaxSize(3)));
    }

    /** Up to three legal steps, taken within 700 days before asOf (about half the cases have none). */
    static Arbitrary<List<LegalActionRecord>> legalActions(LocalDate today) {
        Arbitrary<LegalActionRecord> one = Combinators.combine(Arbitraries.of(LegalStage.DEMAND_NOTICE, LegalStage.LAWYER_LETTER,
                LegalStage.ASSET_PRESERVATION, LegalStage.LITIGATION, LegalStage.ARBITRATION, LegalStage.JUDGMENT,
                LegalStage.ENFORCEMENT), Arbitraries.integers().between(1, 700))
                .as((stage, daysAgo) -> new LegalActionRecord(stage, today.minusDays(daysAgo)));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of())), Tuple.of(1, one.list().ofMinSize(1).ofMaxSize(3)));
    }

    static Arbitrary<History> histories(OffsetDateTime asOf) {
        LocalDate today = asOf.toLocalDate();
        return Combinators.combine(contacts(asOf), Arbitraries.integers().between(0, 5), plans(today), legalActions(today),
                        Arbitraries.integers().between(1, 400).map(today::minusDays).injectNull(0.3))
                .as((contacts, broken, plans, legal, lastPayment) -> new History(new ArrayList<>(contacts), broken,
                        new ArrayList<>(plans), new ArrayList<>(legal), lastPayment));
    }

    /** A case as of a fixed instant, overdue by the given days; everything else varies. */
    static Arbitrary<CollectionCase> cases(OffsetDateTime asOf, int daysPastDue, Jurisdiction jurisdiction) {
        LocalDate due = daysPastDue == 0 ? null : asOf.toLocalDate().minusDays(daysPastDue);
        return Combinators.combine(borrowers(jurisdiction), loans(due, jurisdiction), collaterals(), histories(asOf))
                .as((borrower, loan, collateral, history) -> new CollectionCase("PROP", asOf, jurisdiction,
                        borrower, loan, collateral, history));
    }

    static ZoneId zone(CollectionCase c) {
        return ZoneId.of(c.borrower().timeZone());
    }

    // ---- what the tries reached ---------------------------------------------------------------------------------

    /** The areas of the policy a case reaches, each counted as a jqwik statistic of its own. */
    static final List<String> AREAS = List.of("plan ACTIVE", "plan BROKEN", "legal step taken", "last payment",
            "jurisdiction US", "jurisdiction CN", "past due over 180 days", "past due over 730 days", "hardship",
            "flag BANKRUPTCY", "flag CEASE_COMMUNICATION", "contact by LETTER", "outcome DELIVERED", "US state given");

    static void collectAreas(CollectionCase c, int daysPastDue) {
        History h = c.historyOrEmpty();
        Set<BorrowerFlag> flags = c.borrower().flagsOrEmpty();
        boolean us = c.jurisdictionOrDefault() == Jurisdiction.US;
        boolean[] reached = {
                h.plansOrEmpty().stream().anyMatch(p -> p.status() == PlanStatus.ACTIVE),
                h.plansOrEmpty().stream().anyMatch(p -> p.status() == PlanStatus.BROKEN),
                !h.legalActionsOrEmpty().isEmpty(),
                h.lastPaymentOn() != null,
                us,
                !us,
                daysPastDue > 180,
                daysPastDue > 730,
                c.borrower().hardshipOrNone() != Hardship.NONE,
                flags.contains(BorrowerFlag.BANKRUPTCY),
                flags.contains(BorrowerFlag.CEASE_COMMUNICATION),
                h.contactsOrEmpty().stream().anyMatch(a -> a.channel() == ContactChannel.LETTER),
                h.contactsOrEmpty().stream().anyMatch(a -> a.outcome() == ContactOutcome.DELIVERED),
                us && c.borrower().state() != null };
        for (int i = 0; i < AREAS.size(); i++) {
            Statistics.label(AREAS.get(i)).collect(reached[i]);
        }
    }

    /** Fails the property when an area was reached in fewer than {@code minPercent} of its tries. */
    static void checkAreas(double minPercent) {
        for (String area : AREAS) {
            Statistics.label(area).coverage(coverage -> coverage.check(true).percentage(p -> p >= minPercent));
        }
    }
}
