package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.autocollections.api.ContactOutcome;

/**
 * What was logged on each case within its window, read from the payment, promise, contact, plan and legal logs in one
 * query per log, whatever the number of cases, and summed as it streams by: memory grows with the cases, not with the
 * history. Only entries logged by the as-of instant count, so a report run again later gives the same figures.
 */
final class LoggedActivity {

    /** Outcomes of a contact that mean the borrower answered: the right party was reached. */
    static final Set<ContactOutcome> RIGHT_PARTY = EnumSet.of(ContactOutcome.CONTACTED, ContactOutcome.PROMISE_TO_PAY,
            ContactOutcome.REFUSED);

    /** One case's window and what was logged in it. */
    static final class Window {
        final Instant from;
        final Instant to;
        final LocalDate firstDay;
        final LocalDate lastDay;
        BigDecimal collected = BigDecimal.ZERO;
        int contacts;
        boolean rightPartyContact;
        int promisesKept;
        int promisesBroken;
        boolean planAgreed;
        boolean legalStep;

        Window(Instant from, Instant to, ZoneId zone) {
            this.from = from;
            this.to = to;
            this.firstDay = LocalDate.ofInstant(from, zone);
            this.lastDay = LocalDate.ofInstant(to, zone);
        }

        boolean covers(Instant at) {
            return !at.isBefore(from) && !at.isAfter(to);
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    private LoggedActivity() {
    }

    /** Fills each window with what its case logged; {@code since} is the earliest window's start. */
    static void read(Connection connection, Map<String, Window> windows, ArmCasePage.Ids ids, Instant since, Instant asOf)
            throws SQLException {
        LocalDate firstDay = LocalDate.ofInstant(since, ZoneOffset.UTC).minusDays(1); // a zone east of UTC starts earlier
        stream(connection, "select case_id, paid_on, amount from payment_entry where logged_at <= ? and paid_on >= ?",
                asOf, firstDay, ids, windows, (rows, w) -> {
                    if (w.covers(rows.getObject(2, LocalDate.class))) {
                        w.collected = w.collected.add(rows.getBigDecimal(3));
                    }
                });
        stream(connection, "select case_id, at, outcome from contact_entry where logged_at <= ? and at >= ?",
                asOf, since, ids, windows, (rows, w) -> {
                    if (w.covers(instant(rows, 2))) {
                        w.contacts++;
                        w.rightPartyContact |= RIGHT_PARTY.contains(ContactOutcome.valueOf(rows.getString(3)));
                    }
                });
        // A promise counts when it was made in the window and fell due in it; its status is the servicer's latest word.
        stream(connection, "select case_id, made_at, due_on, status from promise_entry where logged_at <= ? and made_at >= ?",
                asOf, since, ids, windows, (rows, w) -> {
                    LocalDate due = rows.getObject(3, LocalDate.class);
                    if (w.covers(instant(rows, 2)) && due != null && !due.isAfter(w.lastDay)) {
                        switch (rows.getString(4)) {
                            case "KEPT" -> w.promisesKept++;
                            case "BROKEN" -> w.promisesBroken++;
                            default -> { } // still open: neither kept nor broken yet
                        }
                    }
                });
        stream(connection, "select case_id, started_on from plan_entry where logged_at <= ? and started_on >= ?",
                asOf, firstDay, ids, windows, (rows, w) -> w.planAgreed |= w.covers(rows.getObject(2, LocalDate.class)));
        stream(connection, "select case_id, taken_on from legal_entry where logged_at <= ? and taken_on >= ?",
                asOf, firstDay, ids, windows, (rows, w) -> w.legalStep |= w.covers(rows.getObject(2, LocalDate.class)));
    }

    private interface RowReader {
        void read(ResultSet rows, Window window) throws SQLException;
    }

    private static void stream(Connection connection, String sql, Instant asOf, Object since, ArmCasePage.Ids ids,
            Map<String, Window> windows, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                ids == null ? sql : sql + " and " + ArmCasePage.Ids.BETWEEN)) {
            statement.setObject(1, asOf.atOffset(ZoneOffset.UTC));
            statement.setObject(2, since instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : since);
            if (ids != null) {
                ids.bind(statement, 3);
            }
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Window window = windows.get(rows.getString(1));
                    if (window != null) {
                        reader.read(rows, window);
                    }
                }
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
