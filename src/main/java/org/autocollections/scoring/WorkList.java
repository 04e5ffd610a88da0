package org.autocollections.scoring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.agroal.api.AgroalDataSource;

/**
 * The collectors' list for the day: a run's cases with a given next action, most urgent first (priority, then
 * exposure, largest first; then case id, so that pages never overlap). Read straight from the run's per-case rows.
 */
@ApplicationScoped
public class WorkList {

    static final String[] HEADER = { "caseId", "nextAction", "priority", "bucket", "daysPastDue", "classification",
            "rating", "score", "channel", "currency", "exposure", "expectedLoss", "decisionId" };

    @Inject
    AgroalDataSource dataSource;

    @Schema(name = "WorkListEntry")
    public record Entry(String caseId, String nextAction, Integer priority, String bucket, Integer daysPastDue,
            String classification, String rating, Integer score, String channel, String currency, BigDecimal exposure,
            BigDecimal expectedLoss, String decisionId) {

        String[] csv() {
            return new String[] { caseId, nextAction, CsvRows.text(priority), bucket, CsvRows.text(daysPastDue),
                    classification, rating, CsvRows.text(score), channel, currency, CsvRows.text(exposure),
                    CsvRows.text(expectedLoss), decisionId };
        }
    }

    public interface Visitor {
        void accept(Entry entry) throws IOException;
    }

    public List<Entry> page(String runId, String action, int offset, int limit) {
        List<Entry> entries = new ArrayList<>();
        visit(runId, action, offset, limit, entries::add);
        return entries;
    }

    /** Writes the list as CSV, streaming: the whole list of a large run never sits in memory. */
    public void csv(String runId, String action, int offset, int limit, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CsvRows.row(HEADER));
        visit(runId, action, offset, limit, e -> writer.write(CsvRows.row(e.csv())));
        writer.flush();
    }

    private void visit(String runId, String action, int offset, int limit, Visitor visitor) {
        String sql = "select case_id, next_action, priority, bucket, days_past_due, classification, rating, score, "
                + "channel, currency, exposure, expected_loss, decision_id from portfolio_decision where run_id = ?"
                + (action == null ? " and next_action is not null" : " and next_action = ?")
                + " order by priority, exposure desc nulls last, case_id offset ? rows fetch next ? rows only";
        DecisionLedger.guarded(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement(sql)) {
                connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                select.setFetchSize(1_000);
                int p = 1;
                select.setString(p++, runId);
                if (action != null) {
                    select.setString(p++, action);
                }
                select.setInt(p++, offset);
                select.setInt(p, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visitor.accept(new Entry(rows.getString(1), rows.getString(2), (Integer) rows.getObject(3),
                                rows.getString(4), (Integer) rows.getObject(5), rows.getString(6), rows.getString(7),
                                (Integer) rows.getObject(8), rows.getString(9), rows.getString(10), rows.getBigDecimal(11),
                                rows.getBigDecimal(12), rows.getString(13)));
                    }
                }
                connection.commit();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("The work list could not be read", e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
