package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.DecisionRecord;
import org.autocollections.scoring.PortfolioRun;
import org.autocollections.scoring.RunNotFoundException;
import org.autocollections.scoring.RunStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;

/**
 * How the cases of a portfolio run fared after it, grouped by what the run advised: each decided case's window opens
 * at the run's as-of instant, its baseline is the bucket and the overdue amount the run decided on (from the
 * decision's record, not the case as stored now, which later updates may have changed).
 */
@ApplicationScoped
public class RunOutcomes {

    private static final double Z95 = StandardNormal.twoSided(0.95);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunStore runs;

    @Inject
    DecisionLedger ledger;

    @Inject
    CaseOutcomes outcomes;

    public RunOutcomeReport report(String runId, Period window, Instant asOf, RunGrouping by) {
        PortfolioRun run = run(runId);
        Map<String, ArmTally> groups = new TreeMap<>();
        for (CaseOutcome o : measured(run, window, asOf, by)) {
            groups.computeIfAbsent(o.arm(), ArmTally::new).add(o);
        }
        List<RunOutcomeReport.Group> rows = new ArrayList<>(groups.size());
        groups.values().forEach(t -> rows.add(group(t)));
        return new RunOutcomeReport(run.runId, run.asOf, window.toString(), asOf, by.label(), List.copyOf(rows));
    }

    PortfolioRun run(String runId) {
        return runs.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** Each decided case's outcome, its arm being its group. */
    List<CaseOutcome> measured(PortfolioRun run, Period window, Instant asOf, RunGrouping by) {
        return outcomes.of(DecisionLedger.guarded(() -> decidedCases(run, by)), window, asOf);
    }

    /** The run's decided cases, each in the group of what the run advised for it. */
    private List<ArmCase> decidedCases(PortfolioRun run, RunGrouping by) {
        List<ArmCase> cases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement("select p.case_id, p.bucket, p.next_action, "
                    + "p.channel, p.rating, r.decision_id, r.payload, r.request, r.response from portfolio_decision p "
                    + "join decision_record r on r.decision_id = p.decision_id where p.run_id = ? order by p.case_id")) {
                statement.setString(1, run.runId);
                statement.setFetchSize(2_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        DecisionRecord record = new DecisionRecord();
                        record.decisionId = rows.getString(6);
                        record.payload = rows.getBytes(7);
                        record.request = rows.getString(8);
                        record.response = rows.getString(9);
                        DecisionLedger.Recorded recorded = ledger.read(record);
                        String group = switch (by) {
                            case ACTION -> rows.getString(3);
                            case CHANNEL -> rows.getString(4);
                            case BUCKET -> rows.getString(2);
                            case RATING -> rows.getString(5);
                            case SCRIPT -> text(recorded.decision().path("contact").path("scriptId"));
                        };
                        JsonNode overdue = recorded.request().path("loan").path("overdueAmount");
                        cases.add(new ArmCase(rows.getString(1), group == null ? "NONE" : group, run.asOf,
                                rows.getString(2), overdue.isNumber() ? overdue.decimalValue() : null));
                    }
                }
            } finally {
                connection.rollback(); // read only
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The decisions of run " + run.runId + " could not be read", e);
        }
        return cases;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static RunOutcomeReport.Group group(ArmTally t) {
        return new RunOutcomeReport.Group(t.arm, t.assigned, t.observed, t.notYet, t.noSchedule,
                rate(t, Measure.CURE_RATE), rate(t, Measure.ROLL_FORWARD_RATE), rate(t, Measure.PROMISE_KEPT_RATE),
                rate(t, Measure.RIGHT_PARTY_CONTACT_RATE), t.overdue.setScale(2, RoundingMode.HALF_EVEN),
                t.collected.setScale(2, RoundingMode.HALF_EVEN),
                t.overdue.signum() == 0 ? null : t.collected.divide(t.overdue, 4, RoundingMode.HALF_EVEN),
                t.observed == 0 ? null
                        : BigDecimal.valueOf(t.contacts).divide(BigDecimal.valueOf(t.observed), 2, RoundingMode.HALF_EVEN));
    }

    private static RunOutcomeReport.Rate rate(ArmTally t, Measure measure) {
        long[] p = t.proportion(measure);
        if (p[1] == 0) {
            return new RunOutcomeReport.Rate(p[0], p[1], null, null, null);
        }
        Interval i = WilsonInterval.of(p[0], p[1], Z95);
        return new RunOutcomeReport.Rate(p[0], p[1], ArmTally.rate(p[0], p[1]), places(i.lower()), places(i.upper()));
    }

    private static BigDecimal places(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
