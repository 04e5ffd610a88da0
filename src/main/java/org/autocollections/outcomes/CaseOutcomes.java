package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.cases.CaseStore;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.Ruleset;

import io.agroal.api.AgroalDataSource;

/**
 * The outcome of each case of an experiment over its observation window, from the history the service already logs:
 * the repayment terms recorded with its assignment (or, assigned before they were, its stored loan) give its schedule
 * (instalment, due day, the borrower's zone), the logs what happened. Five queries a page (one per log, and the stored
 * cases only for cases without recorded terms), each read as it streams, so ten thousand cases cost five scans of
 * their range of ids, not fifty thousand look-ups.
 */
@ApplicationScoped
public class CaseOutcomes {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DecisionEngine engine;

    @Inject
    ActiveRuleset active;

    @Inject
    PolicyConfig config;

    @Inject
    CaseStore store;

    /** The buckets of the ruleset last asked; a report under another ruleset replaces them. */
    private volatile BucketOfDays buckets;

    /** Each case's outcome, in the order given, measured over {@code [assignedAt, assignedAt + window]} as of {@code asOf}. */
    public List<CaseOutcome> of(List<ArmCase> cases, Period window, Instant asOf) {
        return of(cases, null, window, asOf, buckets());
    }

    /**
     * The outcomes of a page of cases whose ids all lie in {@code ids} (in the database's order): the stored cases and
     * the logs are read for that range of ids only, so a report can go through any number of cases a page at a time.
     * One {@link BucketOfDays} serves every page of a report, so each count of days is decided once.
     */
    List<CaseOutcome> of(List<ArmCase> cases, ArmCasePage.Ids ids, Period window, Instant asOf, BucketOfDays buckets) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set only inside a transaction; a caller's own transaction is left alone.
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                Map<String, Loan> loans = loans(connection, cases, ids);
                Map<String, LoggedActivity.Window> windows = new HashMap<>(cases.size() * 2);
                Instant since = null;
                for (ArmCase c : cases) {
                    Loan loan = loans.get(c.caseId());
                    Instant end = end(c.assignedAt(), window);
                    if (loan != null && !end.isAfter(asOf)) {
                        windows.put(c.caseId(), new LoggedActivity.Window(c.assignedAt(), end, loan.zone));
                        since = since == null || c.assignedAt().isBefore(since) ? c.assignedAt() : since;
                    }
                }
                if (since != null) {
                    LoggedActivity.read(connection, windows, ids, since, asOf);
                }
                List<CaseOutcome> outcomes = new ArrayList<>(cases.size());
                for (ArmCase c : cases) {
                    outcomes.add(outcome(c, loans.get(c.caseId()), windows.get(c.caseId()), asOf, window, buckets));
                }
                return outcomes;
            } finally {
                if (autoCommit) {
                    connection.rollback(); // read only
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The history of the experiment's cases could not be read", e);
        }
    }

    /**
     * The active ruleset's buckets, asked of it once for each count of days and kept for as long as that ruleset is
     * active: a report over many pages, and every report after it, asks no question twice.
     */
    BucketOfDays buckets() {
        Ruleset ruleset = active.current();
        BucketOfDays kept = buckets;
        if (kept == null || kept.ruleset() != ruleset) {
            kept = new BucketOfDays(engine, ruleset);
            buckets = kept;
        }
        return kept;
    }

    /** The end of a window that starts at an instant; whole days and months counted in UTC. */
    static Instant end(Instant from, Period window) {
        return from.atOffset(ZoneOffset.UTC).plus(window).toInstant();
    }

    private static CaseOutcome outcome(ArmCase c, Loan loan, LoggedActivity.Window w, Instant asOf, Period window,
            BucketOfDays buckets) {
        if (loan == null) {
            return CaseOutcome.unobserved(c, CaseOutcome.Observation.NO_SCHEDULE);
        }
        if (w == null) {
            return CaseOutcome.unobserved(c, end(c.assignedAt(), window).isAfter(asOf)
                    ? CaseOutcome.Observation.NOT_YET : CaseOutcome.Observation.NO_SCHEDULE);
        }
        BigDecimal overdue = c.overdueAmountAtAssignment() == null ? BigDecimal.ZERO : c.overdueAmountAtAssignment();
        int days = loan.schedule.daysPastDue(overdue, w.firstDay, w.lastDay, w.collected);
        String bucket = buckets.bucket(days);
        boolean cured = bucket.equals(buckets.current());
        return new CaseOutcome(c.caseId(), c.arm(), CaseOutcome.Observation.OBSERVED, c.bucketAtAssignment(), bucket, days,
                cured, !cured && buckets.worse(bucket, c.bucketAtAssignment()), overdue, w.collected,
                w.promisesKept + w.promisesBroken > 0, w.promisesKept > 0 && w.promisesBroken == 0, w.rightPartyContact,
                w.contacts, w.planAgreed, w.legalStep);
    }

    /** What a case's stored loan tells of its schedule; a loan without an instalment or a due date has none. */
    private record Loan(ArrearsSchedule schedule, ZoneId zone) {
    }

    /**
     * Each case's schedule: from the terms its assignment recorded, or, for a case assigned before terms were recorded,
     * from its stored loan (read for those cases only, and not at all when every case has its terms).
     */
    private Map<String, Loan> loans(Connection connection, List<ArmCase> cases, ArmCasePage.Ids ids) throws SQLException {
        Map<String, Loan> loans = new HashMap<>(cases.size() * 2);
        Set<String> unrecorded = new HashSet<>();
        for (ArmCase c : cases) {
            if (c.terms() == null) {
                unrecorded.add(c.caseId());
            } else {
                keep(loans, c.caseId(), c.terms());
            }
        }
        if (unrecorded.isEmpty()) {
            return loans;
        }
        try (PreparedStatement statement = connection.prepareStatement("select case_id, snapshot from collection_case"
                + (ids == null ? "" : " where " + ArmCasePage.Ids.BETWEEN))) {
            if (ids != null) {
                ids.bind(statement, 1);
            }
            statement.setFetchSize(5_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (unrecorded.contains(id)) {
                        keep(loans, id, RepaymentTerms.of(store.read(rows.getString(2))));
                    }
                }
            }
        }
        return loans;
    }

    private void keep(Map<String, Loan> loans, String caseId, RepaymentTerms terms) {
        if (terms.schedule()) {
            loans.put(caseId, new Loan(new ArrearsSchedule(terms.instalment(), terms.dueDay()),
                    terms.timeZone() == null ? config.defaultZone() : ZoneId.of(terms.timeZone())));
        }
    }
}
