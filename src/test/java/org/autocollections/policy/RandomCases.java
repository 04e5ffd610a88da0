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
import org.autocollections.api.Employment;
import org.autocollections.api.GpsTracking;
import org.autocollections.api.Hardship;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Loan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Plausible, varied collection cases for property tests. */
final class RandomCases {

    static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Urumqi", "America/New_York", "America/Chicago",
            "America/Los_Angeles", "Pacific/Honolulu", "Europe/London");

    private RandomCases() {
    }

    static Arbitrary<BigDecimal> money(int min, int max) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(2);
    }

    static Arbitrary<Borrower> borrowers() {
        Arbitrary<Integer> score = Arbitraries.integers().between(300, 850).injectNull(0.2);
        Arbitrary<BigDecimal> income = money(0, 60_000).injectNull(0.2);
        Arbitrary<BigDecimal> debts = money(0, 10_000).injectNull(0.3);
        Arbitrary<Hardship> hardship = Arbitraries.of(Hardship.class);
        Arbitrary<Set<BorrowerFlag>> flags = Arbitraries.of(BorrowerFlag.class).set().ofMaxSize(2)
                .map(s -> s.isEmpty() ? Set.of() : EnumSet.copyOf(s));
        Arbitrary<Consents> consents = Combinators.combine(Arbitraries.of(true, true, true, false),
                Arbitraries.of(true, true, true, false), Arbitraries.of(true, false)).as(Consents::new);
        Arbitrary<String> zone = Arbitraries.of(ZONES);
        return Combinators.combine(score, income, debts, hardship, flags, consents, zone)
                .as((s, i, d, h, f, c, z) -> new Borrower("CUST", z, s, i, d, Employment.EMPLOYED, h, c, f));
    }

    static Arbitrary<Loan> loans(LocalDate dueDate) {
        return Combinators.combine(money(6_000, 400_000), Arbitraries.integers().between(1, 100),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.24")).ofScale(4),
                        Arbitraries.integers().between(0, 72), Arbitraries.of(true, false))
                .as((balance, overduePct, rate, term, arbitration) -> {
                    BigDecimal overdue = balance.multiply(BigDecimal.valueOf(overduePct)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                    BigDecimal instalment = balance.divide(BigDecimal.valueOf(Math.max(term, 12)), 2, RoundingMode.HALF_EVEN);
                    return new Loan("LN", "CNY", balance, overdue, rate, instalment, term, dueDate, arbitration);
                });
    }

    static Arbitrary<Collateral> collaterals() {
        return Combinators.combine(money(0, 500_000).injectNull(0.1), Arbitraries.of(GpsTracking.class))
                .as((value, gps) -> new Collateral(value, null, gps)).injectNull(0.05);
    }

    /** Up to 30 contacts in the 60 days before asOf. */
    static Arbitrary<List<ContactAttempt>> contacts(OffsetDateTime asOf) {
        Arbitrary<ContactAttempt> one = Combinators.combine(Arbitraries.integers().between(1, 60 * 24 * 60),
                        Arbitraries.of(ContactChannel.class), Arbitraries.of(ContactOutcome.class))
                .as((minutesBefore, channel, outcome) -> new ContactAttempt(asOf.minusMinutes(minutesBefore), channel, outcome));
        return one.list().ofMaxSize(30);
    }

    /** A case as of a fixed instant, overdue by the given days; everything else varies. */
    static Arbitrary<CollectionCase> cases(OffsetDateTime asOf, int daysPastDue, Jurisdiction jurisdiction) {
        LocalDate due = daysPastDue == 0 ? null : asOf.toLocalDate().minusDays(daysPastDue);
        return Combinators.combine(borrowers(), loans(due), collaterals(), contacts(asOf),
                        Arbitraries.integers().between(0, 5))
                .as((borrower, loan, collateral, contacts, broken) -> new CollectionCase("PROP", asOf, jurisdiction,
                        borrower, loan, collateral, new History(new ArrayList<>(contacts), broken, List.of(), List.of(), null)));
    }

    static ZoneId zone(CollectionCase c) {
        return ZoneId.of(c.borrower().timeZone());
    }
}
