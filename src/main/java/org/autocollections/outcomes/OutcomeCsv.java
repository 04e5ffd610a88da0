package org.autocollections.outcomes;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.autocollections.bulk.CsvRows;

/**
 * The report as CSV for a spreadsheet: one row per arm and measure, the champion's rows with no difference, each
 * challenger's with its difference from the champion, interval and significance; then the verdicts, one row per
 * challenger and language.
 */
public final class OutcomeCsv {

    static final String[] HEADER = { "arm", "champion", "assigned", "observed", "notYetObservable", "noSchedule",
            "measure", "method", "value", "difference", "lower", "upper", "significant" };

    private OutcomeCsv() {
    }

    public static void write(OutcomeReport report, Writer out) throws IOException {
        out.write(row(HEADER));
        for (OutcomeReport.Arm arm : report.arms()) {
            OutcomeReport.Challenger challenger = report.challengers().stream()
                    .filter(c -> c.arm().equals(arm.arm())).findFirst().orElse(null);
            for (Measure measure : Measure.values()) {
                OutcomeReport.Difference d = challenger == null ? null : challenger.differences().stream()
                        .filter(x -> x.measure() == measure).findFirst().orElse(null);
                out.write(row(arm.arm(), Boolean.toString(arm.champion()), Long.toString(arm.assigned()),
                        Long.toString(arm.observed()), Long.toString(arm.notYetObservable()), Long.toString(arm.noSchedule()),
                        measure.name(), measure.method().name(), text(value(arm, measure)), text(d, OutcomeReport.Difference::difference),
                        text(d, OutcomeReport.Difference::lower), text(d, OutcomeReport.Difference::upper),
                        d == null ? null : Boolean.toString(d.significant())));
            }
        }
        out.write("\n");
        out.write(row("arm", "language", "verdict", "casesPerArmNeeded", "moreCasesPerArm"));
        for (OutcomeReport.Challenger c : report.challengers()) {
            for (var words : c.verdict().entrySet()) {
                out.write(row(c.arm(), words.getKey(), words.getValue(), CsvRows.text(c.casesPerArmNeeded()),
                        CsvRows.text(c.moreCasesPerArm())));
            }
        }
        out.flush();
    }

    /** A row with an empty cell for each null: Jackson CSV would leave a null out and shift the columns after it. */
    private static String row(String... cells) {
        String[] filled = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            filled[i] = cells[i] == null ? "" : cells[i];
        }
        return CsvRows.row(filled);
    }

    private static BigDecimal value(OutcomeReport.Arm arm, Measure measure) {
        return switch (measure) {
            case CURE_RATE -> arm.cureRate();
            case ROLL_FORWARD_RATE -> arm.rollForwardRate();
            case PROMISE_KEPT_RATE -> arm.promiseKeptRate();
            case RIGHT_PARTY_CONTACT_RATE -> arm.rightPartyContactRate();
            case COLLECTED_SHARE -> arm.collectedShare();
            case CONTACTS_PER_CASE -> arm.contactsPerCase();
        };
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String text(OutcomeReport.Difference d, Function<OutcomeReport.Difference, BigDecimal> part) {
        return d == null ? null : text(part.apply(d));
    }

    /** Per-case outcomes, for an analyst who wants to look behind a rate. */
    public static void writeCases(List<CaseOutcome> outcomes, Writer out) throws IOException {
        out.write(row("caseId", "arm", "observation", "bucketAtAssignment", "bucketAtEnd", "daysPastDueAtEnd",
                "cured", "rolledForward", "overdueAtAssignment", "collected", "promiseResolved", "promiseKept",
                "rightPartyContact", "contacts", "planAgreed", "legalStep"));
        for (CaseOutcome o : outcomes) {
            out.write(row(o.caseId(), o.arm(), o.observation().name(), o.bucketAtAssignment(), o.bucketAtEnd(),
                    CsvRows.text(o.daysPastDueAtEnd()), Boolean.toString(o.cured()), Boolean.toString(o.rolledForward()),
                    text(o.overdueAtAssignment()), text(o.collected()), Boolean.toString(o.promiseResolved()),
                    Boolean.toString(o.promiseKept()), Boolean.toString(o.rightPartyContact()),
                    Integer.toString(o.contacts()), Boolean.toString(o.planAgreed()), Boolean.toString(o.legalStep())));
        }
        out.flush();
    }
}
