package org.autocollections.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;

import org.autocollections.api.CollectionCase;
import org.autocollections.cases.LogRequests;
import org.autocollections.experiments.ArmAssignment;
import org.autocollections.http.JsonSetup;
import org.autocollections.outcomes.RepaymentTerms;
import org.autocollections.portfolio.FollowUp;
import org.autocollections.portfolio.FollowUpStrategy;
import org.autocollections.portfolio.SyntheticPortfolio;
import org.flywaydb.core.Flyway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The data of bench/experiment-report.sh: a database (migrated as the service migrates it) holding COUNT synthetic
 * cases decided at noon UTC of AS_OF, all of them assigned by experiment 1 (every case; champion 50 %, "sms-first"
 * 50 %, by the experiments' own hash; stopped, so the service decides nothing with its arms' made-up versions), and the simulated weeks after that decision of each overdue case: the
 * contacts, promises and payments of {@link FollowUp}, the champion's cases called first, the challenger's texted
 * first (which cures 4 points more in M1). Written in batches with plain JDBC, as GroundTruthTest stores its cases.
 *
 * <pre>java -cp ... org.autocollections.bench.ExperimentHistory JDBC_URL USER PASSWORD COUNT AS_OF DAYS</pre>
 */
public final class ExperimentHistory {

    private static final int BATCH = 1_000;

    private final Connection connection;
    /** As the service writes a stored case: dates as text (its reader takes no numbers for them). */
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final PreparedStatement cases;
    private final PreparedStatement payments;
    private final PreparedStatement promises;
    private final PreparedStatement contacts;
    private final PreparedStatement assignments;
    private int pending;
    private long entries;

    private ExperimentHistory(Connection connection) throws SQLException {
        this.connection = connection;
        new JsonSetup().customize(json);
        cases = connection.prepareStatement(
                "insert into collection_case (case_id, snapshot, created_at, updated_at, revision) values (?, ?, ?, ?, 0)");
        payments = connection.prepareStatement(
                "insert into payment_entry (case_id, entry_id, paid_on, amount, logged_at) values (?, ?, ?, ?, ?)");
        promises = connection.prepareStatement("insert into promise_entry (case_id, entry_id, made_at, due_on, amount, "
                + "status, logged_at) values (?, ?, ?, ?, ?, ?, ?)");
        contacts = connection.prepareStatement("insert into contact_entry (case_id, entry_id, at, channel, outcome, "
                + "logged_at) values (?, ?, ?, ?, ?, ?)");
        assignments = connection.prepareStatement("insert into experiment_assignment (experiment_id, case_id, arm, "
                + "ruleset_version, assigned_at, bucket, overdue_amount, currency, instalment, due_day, time_zone) "
                + "values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long count = Long.parseLong(args[3]);
        LocalDate decidedOn = LocalDate.parse(args[4]);
        int days = Integer.parseInt(args[5]);
        Flyway.configure().dataSource(url, args[1], args[2]).locations("classpath:db/migration").load().migrate();
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
            connection.setAutoCommit(false);
            new ExperimentHistory(connection).write(count, decidedOn, days);
        }
        System.err.printf("[bench] %,d cases stored with their weeks after the decision in %.1f s%n", count,
                (System.nanoTime() - started) / 1e9);
    }

    private void write(long count, LocalDate decidedOn, int days) throws SQLException {
        Instant decidedAt = decidedOn.atTime(12, 0).toInstant(ZoneOffset.UTC);
        OffsetDateTime at = decidedAt.atOffset(ZoneOffset.UTC);
        try (PreparedStatement experiment = connection.prepareStatement("insert into experiment (id, name, status, "
                + "champion_version, created_by, created_at, approved_by, approved_at, started_at, stopped_at) "
                + "values (1, 'texting first (benchmark)', 'STOPPED', 'champion', 'bench', ?, 'bench', ?, ?, ?)");
                PreparedStatement arms = connection.prepareStatement(
                        "insert into experiment_arm (experiment_id, position, arm, version, share_bp) values (1, ?, ?, ?, 5000)")) {
            for (int i = 1; i <= 4; i++) {
                experiment.setObject(i, at);
            }
            experiment.executeUpdate();
            arms.setInt(1, 0);
            arms.setString(2, "champion");
            arms.setString(3, "champion");
            arms.executeUpdate();
            arms.setInt(1, 1);
            arms.setString(2, "sms-first");
            arms.setString(3, "sms-first");
            arms.executeUpdate();
        }
        FollowUp followUp = new FollowUp(SyntheticPortfolio.DEFAULT_SEED);
        String key = ArmAssignment.key(1);
        List<Integer> shares = List.of(5_000, 5_000);
        Iterator<CollectionCase> portfolio = new SyntheticPortfolio(SyntheticPortfolio.DEFAULT_SEED, decidedOn, false)
                .cases(count).iterator();
        long done = 0;
        while (portfolio.hasNext()) {
            CollectionCase c = portfolio.next();
            boolean champion = ArmAssignment.arm(key, c.caseId(), shares) == 0;
            LocalDate due = c.loan().oldestUnpaidDueDate();
            int daysPastDue = due == null ? 0 : Math.max(0, (int) ChronoUnit.DAYS.between(due, decidedOn));
            add(c, at, champion ? "champion" : "sms-first", bucket(daysPastDue), daysPastDue == 0 ? null
                    : followUp.simulate(c, champion ? FollowUpStrategy.PHONE_FIRST : FollowUpStrategy.SMS_FIRST, decidedAt, days));
            if (++done % 100_000 == 0) {
                System.err.printf("[bench] %,d cases, %,d log entries%n", done, entries);
            }
        }
        flush();
        connection.commit();
    }

    /** The shipped overdue buckets (decision-tables/overdue-buckets.drl.csv): one per 30 days, M7+ after 180. */
    static String bucket(int daysPastDue) {
        return daysPastDue == 0 ? "M0" : daysPastDue > 180 ? "M7+" : "M" + ((daysPastDue - 1) / 30 + 1);
    }

    private void add(CollectionCase c, OffsetDateTime decidedAt, String arm, String bucket, FollowUp.Logs logs)
            throws SQLException {
        OffsetDateTime created = decidedAt.minusDays(1);
        cases.setString(1, c.caseId());
        try {
            cases.setString(2, json.writeValueAsString(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        cases.setObject(3, created);
        cases.setObject(4, created);
        cases.addBatch();
        assignments.setString(1, c.caseId());
        assignments.setString(2, arm);
        assignments.setString(3, arm);
        assignments.setObject(4, decidedAt);
        assignments.setString(5, bucket);
        assignments.setBigDecimal(6, c.loan().overdueAmount());
        assignments.setString(7, c.loan().currencyOrDefault());
        RepaymentTerms terms = RepaymentTerms.of(c);
        assignments.setBigDecimal(8, terms.instalment());
        assignments.setShort(9, (short) terms.dueDay());
        assignments.setString(10, terms.timeZone());
        assignments.addBatch();
        if (logs != null) {
            ZoneId zone = ZoneId.of(c.borrower().timeZone());
            for (LogRequests.Payment p : logs.payments()) {
                payments.setString(1, c.caseId());
                payments.setString(2, p.paymentId());
                payments.setObject(3, p.on());
                payments.setBigDecimal(4, p.amount());
                payments.setObject(5, p.on().atTime(LocalTime.of(20, 0)).atZone(zone).toOffsetDateTime());
                payments.addBatch();
            }
            for (LogRequests.Promise p : logs.promises()) {
                promises.setString(1, c.caseId());
                promises.setString(2, p.promiseId());
                promises.setObject(3, p.madeAt());
                promises.setObject(4, p.dueOn());
                promises.setBigDecimal(5, p.amount());
                promises.setString(6, p.status().name());
                promises.setObject(7, p.madeAt());
                promises.addBatch();
            }
            for (LogRequests.Contact k : logs.contacts()) {
                contacts.setString(1, c.caseId());
                contacts.setString(2, k.attemptId());
                contacts.setObject(3, k.at());
                contacts.setString(4, k.channel().name());
                contacts.setString(5, k.outcome().name());
                contacts.setObject(6, k.at());
                contacts.addBatch();
            }
            entries += logs.payments().size() + logs.promises().size() + logs.contacts().size();
        }
        if (++pending == BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        cases.executeBatch(); // first: the logs refer to their case
        payments.executeBatch();
        promises.executeBatch();
        contacts.executeBatch();
        assignments.executeBatch();
        pending = 0;
        connection.commit();
    }
}
