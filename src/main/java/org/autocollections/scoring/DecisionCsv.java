package org.autocollections.scoring;

import java.util.stream.Collectors;

import org.autocollections.api.Decision;
import org.autocollections.bulk.CsvRows;

/**
 * A decision as one CSV row, for a file run written to CSV: the conclusions of every area and the reasons' codes
 * (the JSON Lines output carries the reasons in full, with their rules and table rows).
 */
final class DecisionCsv {

    static final String[] HEADER = { "caseId", "line", "decisionId", "rulesetVersion", "asOf", "daysPastDue", "bucket",
            "classification", "penaltyInterest", "rating", "score", "loanToValue", "currency", "exposure", "expectedLoss",
            "channel", "scriptId", "earliestNextContact", "planEligible", "legalStage", "nextAction", "priority",
            "notBefore", "reasons", "error" };

    private DecisionCsv() {
    }

    static String header() {
        return CsvRows.row(HEADER);
    }

    static String row(ScoredCase scored) {
        String line = Long.toString(scored.input().line());
        Decision d = scored.decision();
        if (d == null) {
            String[] row = new String[HEADER.length];
            row[0] = scored.caseId();
            row[1] = line;
            row[HEADER.length - 1] = scored.problem() == null ? null : scored.problem().detail();
            return CsvRows.row(row);
        }
        Decision.Overdue o = d.overdue();
        Decision.Risk r = d.risk();
        Decision.Contact c = d.contact();
        Decision.NextAction n = d.nextAction();
        return CsvRows.row(d.caseId(), line, d.decisionId(), d.rulesetVersion(), CsvRows.text(d.asOf()),
                o == null ? null : Integer.toString(o.daysPastDue()), o == null ? null : o.bucket(),
                o == null ? null : CsvRows.text(o.classification()), o == null ? null : CsvRows.text(o.penaltyInterest()),
                r == null ? null : CsvRows.text(r.rating()), r == null ? null : CsvRows.text(r.score()),
                r == null ? null : CsvRows.text(r.loanToValue()), scored.request().loan().currencyOrDefault(),
                r == null ? null : CsvRows.text(r.exposure()), r == null ? null : CsvRows.text(r.expectedLoss()),
                c == null ? null : CsvRows.text(c.channel()), c == null ? null : c.scriptId(),
                c == null ? null : CsvRows.text(c.earliestNextContact()),
                d.repaymentPlan() == null ? null : Boolean.toString(d.repaymentPlan().eligible()),
                d.legal() == null ? null : CsvRows.text(d.legal().stage()),
                n == null ? null : CsvRows.text(n.type()), n == null ? null : Integer.toString(n.priority()),
                n == null ? null : CsvRows.text(n.notBefore()),
                d.reasons() == null ? null : d.reasons().stream().map(Decision.Reason::code).collect(Collectors.joining("|")),
                null);
    }
}
