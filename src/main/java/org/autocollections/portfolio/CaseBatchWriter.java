package org.autocollections.portfolio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.api.CollectionCase;
import org.autocollections.bulk.MultiRowInsert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores a batch of cases in one transaction, in three statements whatever its size: one query reads the stored
 * snapshots of the whole batch, the changed cases are updated (in one statement on PostgreSQL, one JDBC batch
 * elsewhere) and the new ones go in as multi-row inserts. A case sent again unchanged is not written at all. The rows are the ones
 * {@link org.autocollections.cases.CaseStore#upsert} writes: the same snapshot JSON, revision 0 when created and one
 * more on every change, so the entity's optimistic locking keeps working beside an import.
 */
@ApplicationScoped
public class CaseBatchWriter {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** A valid case ready to store: its id, its snapshot JSON and the case it was written from. */
    public record Pending(String caseId, String snapshot, CollectionCase value) {
    }

    /** A case to store, without history and asOf: the snapshot {@code CaseStore.upsert} would write. */
    public Pending pending(CollectionCase c) {
        CollectionCase stored = c.asOf() == null && c.history() == null ? c
                : new CollectionCase(c.caseId(), null, c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), null);
        try {
            return new Pending(stored.caseId(), json.writeValueAsString(stored), stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case that cannot be written as JSON cannot be stored", e);
        }
    }

    private static final MultiRowInsert INSERT = new MultiRowInsert("collection_case", "case_id", "snapshot", "created_at",
            "updated_at", "revision");
    /** Rows per update statement: 2 parameters each, far below any driver's limit on parameters. */
    private static final int ROWS_PER_UPDATE = 500;
    private static final String UPDATE =
            "update collection_case set snapshot = ?, updated_at = ?, revision = revision + 1 where case_id = ?";
    private static final int ATTEMPTS = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /**
     * Stores the cases, whose ids must be distinct, and says what became of each, in order. A case created by
     * someone else between the read and the insert makes the batch roll back and run again.
     */
    public Outcome[] write(List<Pending> cases) {
        if (cases.isEmpty()) {
            return new Outcome[0];
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> writeOnce(cases)));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !org.autocollections.audit.SqlFailures.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private Outcome[] writeOnce(List<Pending> cases) throws SQLException {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Outcome[] outcomes = new Outcome[cases.size()];
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> stored = stored(connection, cases);
            List<Pending> inserts = new ArrayList<>();
            List<Pending> updates = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Pending p = cases.get(i);
                String before = stored.get(p.caseId());
                if (before == null) {
                    inserts.add(p);
                    outcomes[i] = Outcome.CREATED;
                } else if (sameCase(before, p)) {
                    outcomes[i] = Outcome.UNCHANGED;
                } else {
                    updates.add(p);
                    outcomes[i] = Outcome.UPDATED;
                }
            }
            if (!updates.isEmpty()) {
                if (isPostgreSql(connection)) {
                    for (int from = 0; from < updates.size(); from += ROWS_PER_UPDATE) {
                        updateFromValues(connection, updates.subList(from, Math.min(updates.size(), from + ROWS_PER_UPDATE)), now);
                    }
                } else {
                    updateInBatch(connection, updates, now);
                }
            }
            insert(connection, inserts, now);
        }
        return outcomes;
    }

    private static void updateInBatch(Connection connection, List<Pending> rows, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (Pending p : rows) {
                update.setString(1, p.snapshot());
                update.setObject(2, now);
                update.setString(3, p.caseId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** PostgreSQL: the changed cases in one statement, which it runs several times faster than a batch of updates. */
    private static void updateFromValues(Connection connection, List<Pending> rows, OffsetDateTime now) throws SQLException {
        StringBuilder sql = new StringBuilder("update collection_case as c set snapshot = v.snapshot, updated_at = ?, "
                + "revision = c.revision + 1 from (values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        sql.append(") as v (case_id, snapshot) where c.case_id = v.case_id");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            update.setObject(parameter++, now);
            for (Pending p : rows) {
                update.setString(parameter++, p.caseId());
                update.setString(parameter++, p.snapshot());
            }
            update.executeUpdate();
        }
    }

    private static boolean isPostgreSql(Connection connection) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }

    /** New cases as multi-row inserts, revision 0. */
    private static void insert(Connection connection, List<Pending> rows, OffsetDateTime now) throws SQLException {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Pending p : rows) {
            values.add(new Object[] { p.caseId(), p.snapshot(), now, now, 0 });
        }
        INSERT.insert(connection, values);
    }

    /** The stored snapshots of the batch's cases that exist, by id. */
    private static Map<String, String> stored(Connection connection, List<Pending> cases) throws SQLException {
        StringBuilder sql = new StringBuilder("select case_id, snapshot from collection_case where case_id in (");
        for (int i = 0; i < cases.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(')');
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < cases.size(); i++) {
                select.setString(i + 1, cases.get(i).caseId());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return stored;
    }

    /**
     * Whether the stored snapshot is the same case. Equal text is the quick answer; text of the same length is read
     * back and compared field by field, since the same case can be written with its set of flags in another order
     * (by another process).
     */
    private boolean sameCase(String stored, Pending p) {
        if (stored.equals(p.snapshot())) {
            return true;
        }
        if (stored.length() != p.snapshot().length()) {
            return false; // the same fields in another order have the same length
        }
        try {
            return json.readValue(stored, CollectionCase.class).equals(p.value());
        } catch (JsonProcessingException e) {
            return false; // unreadable as a case: replace it
        }
    }
}
