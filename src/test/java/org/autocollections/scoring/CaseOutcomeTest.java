package org.autocollections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.autocollections.api.Classification;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.NextActionType;
import org.autocollections.api.Problem;
import org.autocollections.api.RecommendedChannel;
import org.autocollections.api.RiskRating;
import org.autocollections.bulk.PendingCase;
import org.autocollections.engine.Engines;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** The per-case row of a stored run, which the work list and the roll rates are read from. */
@DatabaseFree
class CaseOutcomeTest {

    @Test
    void aDecidedCaseKeepsWhatTheWorkListSortsAndShows() {
        CollectionCase request = Engines.exampleCase();
        Decision decision = new Decision(request.caseId(), "dec-1", Instant.EPOCH, "v1", Instant.EPOCH,
                new Decision.Overdue(45, "M2", Classification.SPECIAL_MENTION, BigDecimal.ONE),
                new Decision.Risk(RiskRating.HIGH, 610, null, new BigDecimal("1234.56"), new BigDecimal("98.76")),
                new Decision.Contact(RecommendedChannel.PHONE, null, null, null, null), null, null,
                new Decision.NextAction(NextActionType.CALL, 3, null), null, null);

        Object[] row = CaseOutcome.row("run-1", new ScoredCase(input(request.caseId()), request, decision, null));

        assertThat(row).containsExactly("run-1", request.caseId(), "dec-1", 45, "M2", "SPECIAL_MENTION", "HIGH", 610,
                "CALL", 3, "PHONE", request.loan().currencyOrDefault(), new BigDecimal("1234.56"),
                new BigDecimal("98.76"), null);
    }

    @Test
    void aDecisionWithoutItsAreasLeavesTheirColumnsEmpty() {
        CollectionCase request = Engines.exampleCase();
        Decision decision = new Decision(request.caseId(), "dec-2", Instant.EPOCH, "v1", Instant.EPOCH,
                new Decision.Overdue(0, "M0", null, null), new Decision.Risk(null, null, null, null, null),
                new Decision.Contact(null, null, null, null, null), null, null, null, null, null);

        Object[] row = CaseOutcome.row("run-1", new ScoredCase(input(request.caseId()), request, decision, null));

        assertThat(row).containsExactly("run-1", request.caseId(), "dec-2", 0, "M0", null, null, null, null, null, null,
                request.loan().currencyOrDefault(), null, null, null);
    }

    @Test
    void aCaseThatCouldNotBeDecidedKeepsTheFirst500CharactersOfWhy() {
        String detail = "x".repeat(500) + "this part is cut";

        Object[] row = CaseOutcome.row("run-1", new ScoredCase(input("C-9"), null, null,
                Problem.of("invalid-case", "Invalid case", 400, detail)));

        assertThat(row).hasSize(15);
        assertThat(row[1]).isEqualTo("C-9");
        assertThat(row[2]).isNull();
        assertThat(row[14]).isEqualTo("x".repeat(500));
    }

    @Test
    void aShortReasonIsKeptWholeAndAMissingOneStaysEmpty() {
        Object[] shortReason = CaseOutcome.row("run-1", new ScoredCase(input("C-9"), null, null,
                Problem.of("invalid-case", "Invalid case", 400, "loan: must not be null")));
        Object[] noReason = CaseOutcome.row("run-1", new ScoredCase(input("C-9"), null, null,
                Problem.of("policy-failure", "Policy failure", 500, null)));

        assertThat(shortReason[14]).isEqualTo("loan: must not be null");
        assertThat(noReason[14]).isNull();
    }

    private static PendingCase input(String caseId) {
        return new PendingCase() {
            @Override
            public String caseId() {
                return caseId;
            }

            @Override
            public long line() {
                return 0;
            }

            @Override
            public CollectionCase resolve() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
