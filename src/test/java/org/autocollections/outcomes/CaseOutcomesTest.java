package org.autocollections.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A servicer stores its cases and logs payments, promises and contacts as usual; the outcome of each case of an
 * experiment is read back from that history: cured, rolled, collected, promise kept, borrower reached.
 */
@QuarkusTest
class CaseOutcomesTest {

    private static final Instant ASSIGNED = Instant.parse("2026-09-01T02:00:00Z"); // 10:00 in Shanghai
    private static final Period MONTH = Period.ofDays(30);

    @Inject
    CaseOutcomes outcomes;

    @Inject
    OutcomeReports reports;

    @Inject
    Clock clock;

    @Test
    void aCaseThatPaidUpIsCuredAndOneThatPaidNothingRolls() {
        store("OUT-PAID");
        store("OUT-SILENT");
        log("OUT-PAID", "payments", "{\"paymentId\":\"P1\",\"on\":\"2026-09-10\",\"amount\":2000.00}");
        log("OUT-PAID", "promises", "{\"promiseId\":\"PTP1\",\"madeAt\":\"2026-09-05T11:00:00+08:00\","
                + "\"dueOn\":\"2026-09-10\",\"amount\":2000.00,\"status\":\"KEPT\"}");
        log("OUT-PAID", "contacts", "{\"attemptId\":\"C1\",\"at\":\"2026-09-05T10:30:00+08:00\",\"channel\":\"PHONE\","
                + "\"outcome\":\"PROMISE_TO_PAY\"}");
        log("OUT-PAID", "contacts", "{\"attemptId\":\"C0\",\"at\":\"2026-08-25T10:30:00+08:00\",\"channel\":\"PHONE\","
                + "\"outcome\":\"CONTACTED\"}"); // before the assignment: not this experiment's doing
        log("OUT-SILENT", "contacts", "{\"attemptId\":\"C1\",\"at\":\"2026-09-03T10:30:00+08:00\",\"channel\":\"SMS\","
                + "\"outcome\":\"DELIVERED\"}");
        Instant now = clock.instant();

        List<CaseOutcome> measured = outcomes.of(List.of(armCase("OUT-PAID", "A"), armCase("OUT-SILENT", "B")), MONTH, now);

        CaseOutcome paid = measured.get(0);
        assertThat(paid.observation()).isEqualTo(CaseOutcome.Observation.OBSERVED);
        assertThat(paid.bucketAtEnd()).isEqualTo("M0");
        assertThat(paid.cured()).isTrue();
        assertThat(paid.rolledForward()).isFalse();
        assertThat(paid.collected()).isEqualByComparingTo("2000.00");
        assertThat(paid.promiseResolved()).isTrue();
        assertThat(paid.promiseKept()).isTrue();
        assertThat(paid.rightPartyContact()).isTrue();
        assertThat(paid.contacts()).isEqualTo(1);

        CaseOutcome silent = measured.get(1);
        assertThat(silent.cured()).isFalse();
        assertThat(silent.daysPastDueAtEnd()).isEqualTo(42); // 20 August to 1 October
        assertThat(silent.bucketAtEnd()).isEqualTo("M2");
        assertThat(silent.rolledForward()).isTrue();
        assertThat(silent.collected()).isEqualByComparingTo("0");
        assertThat(silent.rightPartyContact()).as("a delivered text is not the borrower answering").isFalse();
        assertThat(silent.contacts()).isEqualTo(1);
    }

    @Test
    void whatWasLoggedAfterTheReportsInstantDoesNotCount() {
        store("OUT-LATE-LOG");
        log("OUT-LATE-LOG", "payments", "{\"paymentId\":\"P1\",\"on\":\"2026-09-10\",\"amount\":2000.00}");
        // The payment was logged just now, long after 5 October: a report as of 5 October cannot have seen it.
        CaseOutcome then = outcomes.of(List.of(armCase("OUT-LATE-LOG", "A")), MONTH, Instant.parse("2026-10-05T00:00:00Z")).get(0);
        assertThat(then.cured()).isFalse();
        assertThat(then.collected()).isEqualByComparingTo("0");
        assertThat(outcomes.of(List.of(armCase("OUT-LATE-LOG", "A")), MONTH, clock.instant()).get(0).cured()).isTrue();
    }

    @Test
    void aWindowNotYetOverIsNotYetObservableAndAnUnknownCaseHasNoSchedule() {
        store("OUT-RECENT");
        Instant asOf = ASSIGNED.plus(Period.ofDays(10));
        List<CaseOutcome> measured = outcomes.of(List.of(armCase("OUT-RECENT", "A"), armCase("OUT-NEVER-STORED", "A")),
                MONTH, asOf);
        assertThat(measured).extracting(CaseOutcome::observation)
                .containsExactly(CaseOutcome.Observation.NOT_YET, CaseOutcome.Observation.NO_SCHEDULE);
    }

    @Test
    void theReportRunTwiceIsTheSame() {
        store("OUT-TWICE-1");
        store("OUT-TWICE-2");
        log("OUT-TWICE-1", "payments", "{\"paymentId\":\"P1\",\"on\":\"2026-09-10\",\"amount\":2000.00}");
        Instant asOf = clock.instant();
        List<ArmCase> cases = List.of(armCase("OUT-TWICE-1", "champion"), armCase("OUT-TWICE-2", "challenger"));
        OutcomeReport first = reports.report(cases, "champion", MONTH, asOf, Optional.of(BigDecimal.TEN));
        assertThat(reports.report(cases, "champion", MONTH, asOf, Optional.of(BigDecimal.TEN))).isEqualTo(first);
        assertThat(first.arms()).extracting(OutcomeReport.Arm::cured).containsExactly(1L, 0L);
    }

    @Test
    void aChampionThatIsNoArmIsRefusedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.report(List.of(armCase("X", "A")), "Z", MONTH,
                clock.instant(), Optional.empty()))
                .isInstanceOf(org.autocollections.api.InvalidRequestException.class)
                .hasMessageContaining("championArm");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.report(List.of(armCase("X", "A")), "A",
                Period.ofDays(45), clock.instant(), Optional.empty()))
                .hasMessageContaining("window");
    }

    private static ArmCase armCase(String caseId, String arm) {
        return new ArmCase(caseId, arm, ASSIGNED, "M1", new BigDecimal("1000.00"));
    }

    /** One instalment of 1,000 overdue since 20 August; instalments fall due on the 20th. */
    private static void store(String caseId) {
        ObjectNode c = Cases.withDueDate(caseId, "2026-08-20");
        c.remove("history");
        c.remove("asOf");
        Cases.object(c, "loan").put("overdueAmount", 1000.00).put("monthlyInstalment", 1000.00);
        given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/" + caseId).then().statusCode(201);
    }

    private static void log(String caseId, String log, String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/" + log).then().statusCode(201);
    }
}
