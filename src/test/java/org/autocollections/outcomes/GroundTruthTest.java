package org.autocollections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.cases.LogRequests;
import org.autocollections.portfolio.FollowUp;
import org.autocollections.portfolio.FollowUpStrategy;
import org.autocollections.portfolio.SyntheticPortfolio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The report against a known truth: a synthetic portfolio's M1 cases are split between two arms by a hash of the case
 * id, the weeks after the decision are simulated with each arm's action (texting first cures 4 points more in M1:
 * docs/portfolio-generator.md), the simulated history is stored in the logs, and the report, reading only the logs,
 * must find the effect, and must find none when both arms take the same action.
 */
@QuarkusTest
class GroundTruthTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 6, 1);
    private static final Instant DECIDED_AT = DECIDED_ON.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final int DAYS = 60;
    private static final Instant AS_OF = DECIDED_AT.plus(DAYS + 1, ChronoUnit.DAYS);
    private static final double TRUE_LIFT = 0.04;
    /** Cases per arm: above what the report says a 4-point lift on a 30 % cure rate needs (2,134). */
    private static final int M1_CASES = 5_000;

    @Inject
    OutcomeReports reports;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void theReportFindsTheTrueLiftOfTextingFirst() throws SQLException {
        List<ArmCase> cases = experiment("EFF-", FollowUpStrategy.SMS_FIRST);
        OutcomeReport report = reports.report(cases, "champion", Period.ofDays(DAYS), AS_OF, Optional.of(BigDecimal.valueOf(4)));

        assertThat(report.arms()).allSatisfy(arm -> assertThat(arm.observed())
                .isGreaterThanOrEqualTo(SampleSize.perArm(0.30, 0.30 + TRUE_LIFT)));
        assertThat(report.casesPerArmForLift()).isBetween(1_900L, 2_400L);
        OutcomeReport.Challenger challenger = report.challengers().get(0);
        OutcomeReport.Difference cure = challenger.differences().get(0);
        assertThat(cure.measure()).isEqualTo(Measure.CURE_RATE);
        assertThat(cure.lower().doubleValue()).as("the interval covers the true lift").isLessThanOrEqualTo(TRUE_LIFT);
        assertThat(cure.upper().doubleValue()).as("the interval covers the true lift").isGreaterThanOrEqualTo(TRUE_LIFT);
        assertThat(cure.significant()).as("and leaves out zero: " + cure).isTrue();
        assertThat(challenger.verdict().get("en")).startsWith("sms-first cures").endsWith(": significant.");
    }

    @Test
    void theReportFindsNoEffectWhenBothArmsDoTheSame() throws SQLException {
        List<ArmCase> cases = experiment("NUL-", FollowUpStrategy.PHONE_FIRST);
        OutcomeReport report = reports.report(cases, "champion", Period.ofDays(DAYS), AS_OF, Optional.empty());

        OutcomeReport.Difference cure = report.challengers().get(0).differences().get(0);
        assertThat(cure.lower().signum()).as("the interval covers zero: " + cure).isLessThanOrEqualTo(0);
        assertThat(cure.upper().signum()).as("the interval covers zero: " + cure).isGreaterThanOrEqualTo(0);
        assertThat(cure.significant()).isFalse();
        assertThat(report.challengers().get(0).verdict().get("en")).doesNotEndWith(": significant.");
    }

    /**
     * Read a page at a time, with the repayment terms each assignment recorded instead of the stored cases', the report
     * is the report of all the cases at once; an arm no case reached yet is reported with none.
     */
    @Test
    void theReportReadPageByPageWithRecordedTermsIsTheReportOfAllItsCasesAtOnce() throws SQLException {
        List<ArmCase> cases = experiment("PAG-", FollowUpStrategy.SMS_FIRST).stream()
                .sorted(java.util.Comparator.comparing(ArmCase::caseId)).toList();
        OutcomeReport whole = reports.report(cases, "champion", Period.ofDays(DAYS), AS_OF, Optional.of(BigDecimal.valueOf(4)));

        List<ArmCasePage> pages = new ArrayList<>();
        for (int from = 0; from < cases.size(); from += 777) { // pages of uneven ends, as an experiment's last page is
            List<ArmCase> page = cases.subList(from, Math.min(cases.size(), from + 777)).stream()
                    .map(c -> new ArmCase(c.caseId(), c.arm(), c.assignedAt(), c.bucketAtAssignment(),
                            c.overdueAmountAtAssignment(), terms.get(c.caseId())))
                    .toList();
            pages.add(new ArmCasePage(page, new ArmCasePage.Ids(page.get(0).caseId(), page.get(page.size() - 1).caseId())));
        }
        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(pages.get(0).cases()).allSatisfy(c -> assertThat(c.terms().schedule()).isTrue());
        OutcomeReport paged = reports.report(pages, List.of("champion", "sms-first", "letter-first"), "champion",
                Period.ofDays(DAYS), AS_OF, Optional.of(BigDecimal.valueOf(4)));

        assertThat(paged.arms()).extracting(OutcomeReport.Arm::arm).containsExactly("champion", "letter-first", "sms-first");
        assertThat(paged.arms().get(1).assigned()).isZero();
        assertThat(paged.challengers()).extracting(OutcomeReport.Challenger::arm).containsExactly("letter-first", "sms-first");
        assertThat(new OutcomeReport(paged.championArm(), paged.window(), paged.asOf(), paged.liftPoints(),
                paged.casesPerArmForLift(), List.of(paged.arms().get(0), paged.arms().get(2)), List.of(paged.challengers().get(1))))
                .isEqualTo(whole);
    }

    /**
     * Removes this test's cases and their logs: the service's other tests share the database, and those that decide
     * every stored case (portfolio runs, simulations, outcome reports) would decide these 15,000 too.
     */
    @AfterEach
    void removeTheCasesStored() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("payment_entry", "promise_entry", "contact_entry", "collection_case")) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table
                        + " where case_id like 'EFF-%' or case_id like 'NUL-%' or case_id like 'PAG-%'")) {
                    delete.executeUpdate();
                }
            }
        }
    }

    /** The terms of each case stored, as its assignment would record them. */
    private final java.util.Map<String, RepaymentTerms> terms = new java.util.HashMap<>();

    /** The M1 cases of a synthetic portfolio split by hash, their weeks after the decision simulated and stored. */
    private List<ArmCase> experiment(String prefix, FollowUpStrategy challengerAction) throws SQLException {
        FollowUp followUp = new FollowUp(SyntheticPortfolio.DEFAULT_SEED);
        List<ArmCase> cases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Store store = new Store(connection)) {
            var portfolio = new SyntheticPortfolio(SyntheticPortfolio.DEFAULT_SEED, DECIDED_ON, false)
                    .cases(M1_CASES * 3L).filter(GroundTruthTest::inM1).limit(M1_CASES).iterator();
            while (portfolio.hasNext()) {
                CollectionCase c = renamed(portfolio.next(), prefix);
                String arm = arm(c.caseId());
                FollowUp.Logs logs = followUp.simulate(c, arm.equals("champion") ? FollowUpStrategy.PHONE_FIRST
                        : challengerAction, DECIDED_AT, DAYS);
                store.add(c, logs);
                cases.add(new ArmCase(c.caseId(), arm, DECIDED_AT, "M1", c.loan().overdueAmount()));
                terms.put(c.caseId(), RepaymentTerms.of(c));
            }
        }
        return cases;
    }

    /** The arm by a hash of the experiment and the case id, as an experiment assigns it. */
    private static String arm(String caseId) {
        CRC32 hash = new CRC32();
        hash.update(("ground-truth:" + caseId).getBytes(StandardCharsets.UTF_8));
        return hash.getValue() % 2 == 0 ? "champion" : "sms-first";
    }

    private static boolean inM1(CollectionCase c) {
        LocalDate due = c.loan().oldestUnpaidDueDate();
        return due != null && ChronoUnit.DAYS.between(due, DECIDED_ON) <= 30;
    }

    private static CollectionCase renamed(CollectionCase c, String prefix) {
        return new CollectionCase(prefix + c.caseId(), null, c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), null);
    }

    /** Writes cases and their logs as the service stores them, in batches; each entry logged when it happened. */
    private final class Store implements AutoCloseable {
        private final PreparedStatement cases;
        private final PreparedStatement payments;
        private final PreparedStatement promises;
        private final PreparedStatement contacts;
        private int pending;

        Store(Connection connection) throws SQLException {
            cases = connection.prepareStatement(
                    "insert into collection_case (case_id, snapshot, created_at, updated_at, revision) values (?, ?, ?, ?, 0)");
            payments = connection.prepareStatement(
                    "insert into payment_entry (case_id, entry_id, paid_on, amount, logged_at) values (?, ?, ?, ?, ?)");
            promises = connection.prepareStatement("insert into promise_entry (case_id, entry_id, made_at, due_on, amount, "
                    + "status, logged_at) values (?, ?, ?, ?, ?, ?, ?)");
            contacts = connection.prepareStatement("insert into contact_entry (case_id, entry_id, at, channel, outcome, "
                    + "logged_at) values (?, ?, ?, ?, ?, ?)");
        }

        void add(CollectionCase c, FollowUp.Logs logs) throws SQLException {
            OffsetDateTime created = DECIDED_AT.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
            cases.setString(1, c.caseId());
            try {
                cases.setString(2, json.writeValueAsString(c));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            cases.setObject(3, created);
            cases.setObject(4, created);
            cases.addBatch();
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
            if (++pending == 500) {
                flush();
            }
        }

        private void flush() throws SQLException {
            cases.executeBatch(); // first: the logs refer to their case
            payments.executeBatch();
            promises.executeBatch();
            contacts.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            flush();
            cases.close();
            payments.close();
            promises.close();
            contacts.close();
        }
    }
}
