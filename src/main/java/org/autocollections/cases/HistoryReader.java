package org.autocollections.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.History;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.LegalStage;
import org.autocollections.api.PlanRecord;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;

/**
 * The logged history of many stored cases at once, in five queries whatever their number: what a portfolio run needs
 * to decide a chunk of cases, and what deciding one stored case needs too.
 */
public final class HistoryReader {

    private HistoryReader() {
    }

    /** The history of each case, by id; a case with nothing logged has an empty history. */
    public static Map<String, History> read(Connection connection, Collection<String> caseIds) throws SQLException {
        Map<String, Parts> parts = new HashMap<>();
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        for (String id : caseIds) {
            parts.put(id, new Parts());
        }
        query(connection, "select case_id, at, channel, outcome, purpose from contact_entry", caseIds, " order by case_id, at, id",
                (rows, p) -> p.contacts.add(new ContactAttempt(
                        rows.getObject(2, OffsetDateTime.class).toInstant().atOffset(ZoneOffset.UTC),
                        ContactChannel.valueOf(rows.getString(3)), ContactOutcome.valueOf(rows.getString(4)),
                        rows.getString(5) == null ? null : ContactPurpose.valueOf(rows.getString(5)))), parts);
        query(connection, "select case_id, stage, taken_on from legal_entry", caseIds, " order by case_id, id",
                (rows, p) -> p.legal.add(new LegalActionRecord(LegalStage.valueOf(rows.getString(2)),
                        rows.getObject(3, LocalDate.class))), parts);
        query(connection, "select case_id, plan_type, started_on, status from plan_entry", caseIds, " order by case_id, id",
                (rows, p) -> p.plans.add(new PlanRecord(PlanType.valueOf(rows.getString(2)),
                        rows.getObject(3, LocalDate.class), PlanStatus.valueOf(rows.getString(4)))), parts);
        query(connection, "select case_id, count(*) from promise_entry", caseIds,
                " and status = '" + PromiseEntry.Status.BROKEN.name() + "' group by case_id",
                (rows, p) -> p.brokenPromises = rows.getInt(2), parts);
        query(connection, "select case_id, max(paid_on) from payment_entry", caseIds, " group by case_id",
                (rows, p) -> p.lastPayment = rows.getObject(2, LocalDate.class), parts);
        Map<String, History> histories = new HashMap<>(parts.size() * 2);
        parts.forEach((id, p) -> histories.put(id,
                new History(List.copyOf(p.contacts), p.brokenPromises, List.copyOf(p.plans), List.copyOf(p.legal), p.lastPayment)));
        return histories;
    }

    private interface RowReader {
        void read(ResultSet rows, Parts parts) throws SQLException;
    }

    private static void query(Connection connection, String select, Collection<String> caseIds, String tail,
            RowReader reader, Map<String, Parts> parts) throws SQLException {
        StringBuilder sql = new StringBuilder(select.length() + caseIds.size() * 2 + 64).append(select)
                .append(" where case_id in (");
        for (int i = 0; i < caseIds.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(')').append(tail);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (String id : caseIds) {
                statement.setString(i++, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows, parts.get(rows.getString(1)));
                }
            }
        }
    }

    private static final class Parts {
        final List<ContactAttempt> contacts = new ArrayList<>();
        final List<LegalActionRecord> legal = new ArrayList<>();
        final List<PlanRecord> plans = new ArrayList<>();
        int brokenPromises;
        LocalDate lastPayment;
    }
}
