package org.autocollections.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.autocollections.api.Borrower;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Consents;
import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.Decision;
import org.autocollections.api.Employment;
import org.autocollections.api.Hardship;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Loan;
import org.autocollections.api.RecommendedChannel;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.engine.Engines;
import org.autocollections.ruleset.Ruleset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.autocollections.DatabaseFree;

/**
 * The remainders a decision reports, for every channel in every jurisdiction: a number where the contact-frequency
 * table caps the channel per day or per seven days, null where it has no such cap. Regulation F caps calls per seven
 * days only, so a US call has no "attempts left today"; CN caps calls and messages per day and field visits per week.
 * Each case has made one contact on its channel earlier today, so the numbers shown are remainders, not the caps.
 */
@DatabaseFree
class ContactRemaindersTest {

    private static Ruleset ruleset;
    private static DecisionEngine engine;

    @BeforeAll
    static void compilePolicy() {
        ruleset = Engines.shippedRuleset();
        engine = Engines.engine(Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC));
    }

    static Stream<Arguments> everyChannelInEveryJurisdiction() {
        return Stream.of(
                Arguments.of(Jurisdiction.CN, ContactChannel.PHONE, 2, null),
                Arguments.of(Jurisdiction.CN, ContactChannel.SMS, 1, null),
                Arguments.of(Jurisdiction.CN, ContactChannel.EMAIL, null, null),
                Arguments.of(Jurisdiction.CN, ContactChannel.FIELD_VISIT, null, 0),
                Arguments.of(Jurisdiction.CN, ContactChannel.LETTER, null, null),
                Arguments.of(Jurisdiction.US, ContactChannel.PHONE, null, 6),
                Arguments.of(Jurisdiction.US, ContactChannel.SMS, null, null),
                Arguments.of(Jurisdiction.US, ContactChannel.EMAIL, null, null),
                Arguments.of(Jurisdiction.US, ContactChannel.FIELD_VISIT, null, null),
                Arguments.of(Jurisdiction.US, ContactChannel.LETTER, null, null));
    }

    @ParameterizedTest(name = "{0} {1}: today {2}, this week {3}")
    @MethodSource("everyChannelInEveryJurisdiction")
    void aRemainderIsReportedOnlyWhereTheChannelHasThatCap(Jurisdiction jurisdiction, ContactChannel channel,
            Integer leftToday, Integer leftThisWeek) {
        Decision.Contact contact = engine.decide(caseUsing(jurisdiction, channel), ruleset).contact();
        assertThat(contact.channel()).isEqualTo(RecommendedChannel.valueOf(channel.name()));
        assertThat(contact.attemptsLeftToday()).as("attempts left today").isEqualTo(leftToday);
        assertThat(contact.attemptsLeftThisWeek()).as("attempts left this week").isEqualTo(leftThisWeek);
    }

    /**
     * A case the contact-method table sends to the channel (M1 SMS, e-mail when SMS is refused, M2 phone, M4 field
     * visit, M7+ letter), decided at 10:00 local with one conversation on that channel at 09:00.
     */
    private static CollectionCase caseUsing(Jurisdiction jurisdiction, ContactChannel channel) {
        String zone = jurisdiction == Jurisdiction.US ? "America/New_York" : "Asia/Shanghai";
        OffsetDateTime asOf = LocalDateTime.parse("2026-11-29T10:00:00").atZone(ZoneId.of(zone)).toOffsetDateTime();
        int daysPastDue = switch (channel) {
            case SMS, EMAIL -> 10;
            case PHONE -> 45;
            case FIELD_VISIT -> 100;
            case LETTER -> 200;
        };
        Consents consents = new Consents(true, channel != ContactChannel.EMAIL, true);
        Borrower borrower = new Borrower("CUST", zone, 700, new BigDecimal("12000.00"), BigDecimal.ZERO,
                Employment.EMPLOYED, Hardship.NONE, consents, Set.of());
        Loan loan = new Loan("LN", "CNY", new BigDecimal("86000.00"), new BigDecimal("4300.00"), new BigDecimal("0.068"),
                new BigDecimal("2150.00"), 40, asOf.toLocalDate().minusDays(daysPastDue), false);
        History history = new History(List.of(new ContactAttempt(asOf.minusHours(1), channel, ContactOutcome.CONTACTED)),
                0, List.of(), List.of(), asOf.toLocalDate().minusDays(daysPastDue + 20));
        return new CollectionCase("REMAINDERS", asOf, jurisdiction, borrower, loan, null, history);
    }
}
