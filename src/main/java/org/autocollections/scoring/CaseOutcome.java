package org.autocollections.scoring;

import org.autocollections.api.Decision;
import org.autocollections.bulk.MultiRowInsert;

/**
 * The per-case row of a stored run (table portfolio_decision): the figures the roll rates and the work list need,
 * beside the full decision in the decision record.
 */
final class CaseOutcome {

    static final MultiRowInsert INSERT = new MultiRowInsert("portfolio_decision", "run_id", "case_id", "decision_id",
            "days_past_due", "bucket", "classification", "rating", "score", "next_action", "priority", "channel",
            "currency", "exposure", "expected_loss", "error");

    private CaseOutcome() {
    }

    static Object[] row(String runId, ScoredCase scored) {
        Decision d = scored.decision();
        if (d == null) {
            String error = scored.problem() == null ? null : scored.problem().detail();
            return new Object[] { runId, scored.caseId(), null, null, null, null, null, null, null, null, null, null, null,
                    null, error == null ? null : error.substring(0, Math.min(500, error.length())) };
        }
        Decision.Overdue overdue = d.overdue();
        Decision.Risk risk = d.risk();
        Decision.NextAction next = d.nextAction();
        return new Object[] { runId, d.caseId(), d.decisionId(),
                overdue == null ? null : overdue.daysPastDue(),
                overdue == null ? null : overdue.bucket(),
                overdue == null || overdue.classification() == null ? null : overdue.classification().name(),
                risk == null || risk.rating() == null ? null : risk.rating().name(),
                risk == null ? null : risk.score(),
                next == null ? null : next.type().name(),
                next == null ? null : next.priority(),
                d.contact() == null || d.contact().channel() == null ? null : d.contact().channel().name(),
                scored.request().loan().currencyOrDefault(),
                risk == null ? null : risk.exposure(),
                risk == null ? null : risk.expectedLoss(),
                null };
    }
}
