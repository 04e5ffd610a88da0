package org.autocollections.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.autocollections.api.Borrower;
import org.autocollections.api.CollectionCase;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * A case that names no time zone has its days counted in the configured default zone
 * ({@code collections.policy.default-zone}), China's unless a deployment says otherwise.
 */
@DatabaseFree
class DefaultZoneTest {

    /** The example case's as-of, 02:00 UTC: already 29 November in Shanghai, still 28 November in New York. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    private static CollectionCase inZone(String zone) {
        CollectionCase c = Engines.exampleCase();
        Borrower b = c.borrower();
        return new CollectionCase(c.caseId(), c.asOf(), c.jurisdiction(), new Borrower(b.customerId(), zone,
                b.creditScore(), b.monthlyIncome(), b.monthlyDebtPayments(), b.employment(), b.hardship(),
                b.consents(), b.flags()), c.loan(), c.collateral(), c.history());
    }

    private static int daysPastDue(DecisionEngine engine, CollectionCase c) {
        Ruleset ruleset = Engines.shippedRuleset(RuleModel.EXECUTABLE);
        return engine.decide(c, ruleset).overdue().daysPastDue();
    }

    @Test
    void aCaseThatNamesNoZoneIsCountedInTheDefaultZone() {
        DecisionEngine shipped = Engines.engine(CLOCK);
        DecisionEngine newYork = Engines.engine(CLOCK,
                Engines.config(RuleModel.EXECUTABLE, ZoneId.of("America/New_York")));
        int inShanghai = daysPastDue(shipped, inZone("Asia/Shanghai"));
        int inNewYork = daysPastDue(shipped, inZone("America/New_York"));
        assertNotEquals(inShanghai, inNewYork, "the example's as-of no longer falls on two dates in the two zones");

        assertEquals(inShanghai, daysPastDue(shipped, inZone(null)), "the shipped default is Asia/Shanghai");
        assertEquals(inNewYork, daysPastDue(newYork, inZone(null)), "a configured default zone is used");
        assertEquals(inShanghai, daysPastDue(newYork, inZone("Asia/Shanghai")), "a case's own zone comes first");
    }
}
