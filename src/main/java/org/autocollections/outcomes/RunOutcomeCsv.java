package org.autocollections.outcomes;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

import org.autocollections.bulk.CsvRows;

/** A run's outcome report as CSV for a spreadsheet: one row per group, each rate followed by its interval. */
public final class RunOutcomeCsv {

    private RunOutcomeCsv() {
    }

    public static void write(RunOutcomeReport report, Writer out) throws IOException {
        out.write(CsvRows.row(report.by(), "cases", "observed", "notYetObservable", "noSchedule",
                "cured", "cureRate", "cureRateLower", "cureRateUpper",
                "rolledForward", "rollForwardRate", "rollForwardRateLower", "rollForwardRateUpper",
                "promisesKept", "promisesResolved", "promiseKeptRate", "promiseKeptRateLower", "promiseKeptRateUpper",
                "rightPartyContacts", "rightPartyContactRate", "rightPartyContactRateLower", "rightPartyContactRateUpper",
                "overdue", "collected", "collectedShare", "contactsPerCase"));
        for (RunOutcomeReport.Group g : report.groups()) {
            RunOutcomeReport.Rate cure = g.cureRate();
            RunOutcomeReport.Rate roll = g.rollForwardRate();
            RunOutcomeReport.Rate kept = g.promiseKeptRate();
            RunOutcomeReport.Rate rpc = g.rightPartyContactRate();
            out.write(CsvRows.row(g.value(), whole(g.cases()), whole(g.observed()), whole(g.notYetObservable()),
                    whole(g.noSchedule()),
                    whole(cure.count()), text(cure.rate()), text(cure.lower()), text(cure.upper()),
                    whole(roll.count()), text(roll.rate()), text(roll.lower()), text(roll.upper()),
                    whole(kept.count()), whole(kept.of()), text(kept.rate()), text(kept.lower()), text(kept.upper()),
                    whole(rpc.count()), text(rpc.rate()), text(rpc.lower()), text(rpc.upper()),
                    text(g.overdue()), text(g.collected()), text(g.collectedShare()), text(g.contactsPerCase())));
        }
        out.flush();
    }

    private static String whole(long value) {
        return Long.toString(value);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
