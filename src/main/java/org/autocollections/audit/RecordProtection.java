package org.autocollections.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import org.h2.api.Trigger;

/**
 * H2's guard on the decision record (PostgreSQL's is a PL/pgSQL function, see db.migration.V8): refuses every
 * UPDATE, and every DELETE of a record younger than {@link #KEPT_YEARS} years, whoever issues it. Loaded by H2 by
 * name, so it needs nothing but H2 and the JDK: an H2 server started with this class beside its jar enforces it too.
 */
public class RecordProtection implements Trigger {

    /** No record is deleted younger than this, whatever the retention setting: the least the records are kept. */
    public static final int KEPT_YEARS = 5;

    private int decidedAt;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        // the column's place in the row H2 hands over, looked up rather than assumed as columns get added
        try (PreparedStatement q = conn.prepareStatement("select ordinal_position from information_schema.columns "
                + "where table_schema = ? and table_name = ? and column_name = 'DECIDED_AT'")) {
            q.setString(1, schemaName);
            q.setString(2, tableName);
            try (ResultSet rows = q.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException(tableName + " has no DECIDED_AT column");
                }
                decidedAt = rows.getInt(1) - 1;
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null && decidedBeforeTheKeptYears(oldRow[decidedAt])) {
            return;
        }
        throw new SQLException("decision records are immutable: " + (newRow == null ? "DELETE" : "UPDATE")
                + " of decision " + oldRow[0] + " refused", "P0001");
    }

    private static boolean decidedBeforeTheKeptYears(Object decided) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minusYears(KEPT_YEARS);
        return decided instanceof Temporal t && OffsetDateTime.from(t).isBefore(cutoff);
    }
}
