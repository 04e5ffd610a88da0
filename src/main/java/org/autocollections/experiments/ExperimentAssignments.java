package org.autocollections.experiments;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.bulk.MultiRowInsert;
import org.autocollections.decisions.DecisionRouting;
import org.autocollections.outcomes.ArmCase;
import org.autocollections.outcomes.ArmCasePage;
import org.autocollections.outcomes.RepaymentTerms;

import io.agroal.api.AgroalDataSource;

/**
 * Each case's first assignment in an experiment: the arm and version, when, and the bucket and overdue amount it had
 * then, which is what the outcomes are measured against. Insert-if-absent, portable between H2 and PostgreSQL: the
 * cases already assigned are read first and only the others inserted, in one statement per batch; when a concurrent
 * decision inserted one meanwhile, the batch is retried and then finds it.
 */
@ApplicationScoped
public class ExperimentAssignments {

    static final MultiRowInsert INSERT = new MultiRowInsert("experiment_assignment", "experiment_id", "case_id", "arm",
            "ruleset_version", "assigned_at", "bucket", "overdue_amount", "currency", "instalment", "due_day", "time_zone");

    /** PostgreSQL takes at most 65,535 parameters in one statement; the look-up stays well below. */
    private static final int LOOKUP = 1_000;

    /** One case's first assignment, as the outcome report reads it. */
    public record Assignment(String caseId, String arm, String version, Instant assignedAt, String bucket,
            BigDecimal overdueAmount, String currency) {
    }

    /** Cases seen assigned (stored by this service or found stored), at most {@link #SEEN} of them. */
    private static final int SEEN = 500_000;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Inject
    AgroalDataSource dataSource;

    /** Every case assigned in the experiment, in case-id order. */
    public List<Assignment> of(long experimentId) {
        return DecisionLedger.guarded(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "select case_id, arm, ruleset_version, assigned_at, bucket, overdue_amount, currency "
                            + "from experiment_assignment where experiment_id = ? order by case_id")) {
                q.setLong(1, experimentId);
                List<Assignment> found = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Assignment(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getObject(4, java.time.OffsetDateTime.class).toInstant(), rows.getString(5),
                                rows.getBigDecimal(6), rows.getString(7)));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The experiment's cases as its report reads them, {@code size} at a time in case-id order: each page is read
     * when the one before has been measured (keyset, from the last id of the page before), so the report holds one.
     */
    public Iterable<ArmCasePage> pages(long experimentId, int size) {
        return () -> new Iterator<>() {
            private List<ArmCase> next = page(experimentId, null, size);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public ArmCasePage next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                List<ArmCase> current = next;
                String last = current.get(current.size() - 1).caseId();
                next = current.size() < size ? List.of() : page(experimentId, last, size);
                return new ArmCasePage(current, new ArmCasePage.Ids(current.get(0).caseId(), last));
            }
        };
    }

    private List<ArmCase> page(long experimentId, String after, int size) {
        return DecisionLedger.guarded(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "select case_id, arm, assigned_at, bucket, overdue_amount, instalment, due_day, time_zone "
                            + "from experiment_assignment "
                            + "where experiment_id = ?" + (after == null ? "" : " and case_id > ?")
                            + " order by case_id limit ?")) {
                int p = 1;
                q.setLong(p++, experimentId);
                if (after != null) {
                    q.setString(p++, after);
                }
                q.setInt(p, size);
                List<ArmCase> found = new ArrayList<>(size);
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        found.add(new ArmCase(rows.getString(1), rows.getString(2),
                                rows.getObject(3, java.time.OffsetDateTime.class).toInstant(), rows.getString(4),
                                rows.getBigDecimal(5), RepaymentTerms.stored(rows.getBigDecimal(6),
                                        rows.getObject(7, Integer.class), rows.getString(8))));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Keeps the first assignment of each decided case that names an experiment; cases assigned before are left. A case
     * this service already saw assigned is left without asking the database, so the decisions after a case's first cost
     * nothing here.
     */
    public void remember(List<DecisionRouting.Routed> decided) {
        Map<Long, Map<String, Object[]>> byExperiment = new LinkedHashMap<>();
        for (DecisionRouting.Routed routed : decided) {
            Decision.Experiment assigned = routed.decision().experiment();
            if (assigned != null && !seen.contains(seenKey(assigned.id(), routed.request().caseId()))) {
                byExperiment.computeIfAbsent(assigned.id(), id -> new LinkedHashMap<>())
                        .putIfAbsent(routed.request().caseId(), row(routed.request(), routed.decision()));
            }
        }
        for (Map.Entry<Long, Map<String, Object[]>> experiment : byExperiment.entrySet()) {
            try {
                insertAbsent(experiment.getKey(), experiment.getValue());
            } catch (SQLException first) {
                try {
                    insertAbsent(experiment.getKey(), experiment.getValue()); // another decision won the race
                } catch (SQLException again) {
                    again.addSuppressed(first);
                    throw new IllegalStateException("Experiment assignments cannot be kept", again);
                }
            }
            if (seen.size() > SEEN) {
                seen.clear(); // forgetting costs a look-up per case, as before any was seen
            }
            experiment.getValue().keySet().forEach(caseId -> seen.add(seenKey(experiment.getKey(), caseId)));
        }
    }

    private static String seenKey(long experimentId, String caseId) {
        return experimentId + "/" + caseId;
    }

    private void insertAbsent(long experimentId, Map<String, Object[]> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Set<String> known = known(c, experimentId, List.copyOf(rows.keySet()));
                List<Object[]> fresh = rows.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                        .map(Map.Entry::getValue).toList();
                INSERT.insert(c, fresh);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static Set<String> known(Connection c, long experimentId, List<String> caseIds) throws SQLException {
        Set<String> known = new HashSet<>();
        for (int from = 0; from < caseIds.size(); from += LOOKUP) {
            List<String> part = caseIds.subList(from, Math.min(caseIds.size(), from + LOOKUP));
            String sql = "select case_id from experiment_assignment where experiment_id = ? and case_id in ("
                    + "?, ".repeat(part.size() - 1) + "?)";
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setLong(1, experimentId);
                for (int i = 0; i < part.size(); i++) {
                    q.setString(i + 2, part.get(i));
                }
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        known.add(rows.getString(1));
                    }
                }
            }
        }
        return known;
    }

    /**
     * Assigned as of the instant the case was decided as of: the outcome window starts where its arrears were read,
     * and they are worked out later with the terms the case had then.
     */
    private static Object[] row(CollectionCase request, Decision decision) {
        Decision.Experiment assigned = decision.experiment();
        RepaymentTerms terms = RepaymentTerms.of(request);
        return new Object[] { assigned.id(), request.caseId(), assigned.arm(), assigned.version(),
                decision.asOf().atOffset(ZoneOffset.UTC), decision.overdue() == null ? null : decision.overdue().bucket(),
                request.loan() == null ? null : request.loan().overdueAmount(),
                request.loan() == null ? null : request.loan().currencyOrDefault(), terms.instalment(),
                (short) terms.dueDay(), terms.timeZone() };
    }
}
