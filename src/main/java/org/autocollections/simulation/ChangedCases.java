package org.autocollections.simulation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.bulk.CsvRows;

import io.agroal.api.AgroalDataSource;

/** The changed cases of a simulation, in case-id order, as a page of JSON or as a CSV file streamed from the database. */
@ApplicationScoped
public class ChangedCases {

    @Inject
    AgroalDataSource dataSource;

    private interface Visitor {
        void accept(CaseChange change) throws IOException;
    }

    List<CaseChange> page(String simulationId, int offset, int limit) {
        List<CaseChange> changes = new ArrayList<>();
        visit(simulationId, offset, limit, changes::add);
        return changes;
    }

    /** The whole list never sits in memory: rows are written as they are read. */
    void csv(String simulationId, int offset, int limit, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CsvRows.row(CaseChange.CSV_HEADER));
        visit(simulationId, offset, limit, c -> writer.write(c.csv()));
        writer.flush();
    }

    private void visit(String simulationId, int offset, int limit, Visitor visitor) {
        String sql = "select case_id, currency, days_past_due, before_next_action, after_next_action, before_priority, "
                + "after_priority, before_bucket, after_bucket, before_classification, after_classification, "
                + "before_rating, after_rating, before_channel, after_channel, before_expected_loss, after_expected_loss "
                + "from simulation_change where simulation_id = ? order by case_id offset ? rows fetch next ? rows only";
        DecisionLedger.guarded(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
                connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                select.setFetchSize(1_000);
                select.setString(1, simulationId);
                select.setInt(2, offset);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visitor.accept(new CaseChange(rows.getString(1), null, rows.getString(2),
                                (Integer) rows.getObject(3), rows.getString(4), rows.getString(5),
                                (Integer) rows.getObject(6), (Integer) rows.getObject(7), rows.getString(8),
                                rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12),
                                rows.getString(13), rows.getString(14), rows.getString(15), rows.getBigDecimal(16),
                                rows.getBigDecimal(17), null).complete());
                    }
                }
                connection.commit();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("The changed cases could not be read", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
