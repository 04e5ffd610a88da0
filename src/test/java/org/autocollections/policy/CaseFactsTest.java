package org.autocollections.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.autocollections.DatabaseFree;

/**
 * The measures the policy's tables compare against, at their boundaries. The example case is decided on 2026-11-29
 * at 10:00 in Shanghai; its oldest unpaid instalment fell due on 2026-10-15.
 */
@DatabaseFree
class CaseFactsTest {

    @Test
    void daysPastDueCountFromTheDueDateToTodayInTheBorrowersZone() {
        assertThat(facts(dueOn("2026-11-29")).getDaysPastDue()).as("due today").isZero();
        assertThat(facts(dueOn("2026-11-28")).getDaysPastDue()).isEqualTo(1);
        assertThat(facts(dueOn("2026-12-05")).getDaysPastDue()).as("not due yet").isZero();
        assertThat(facts(dueOn(null)).getDaysPastDue()).as("nothing unpaid").isZero();

        // 01:00 on the 29th in Shanghai is still the 28th in UTC: the borrower's day counts.
        ObjectNode json = dueOn("2026-11-28");
        json.put("asOf", "2026-11-28T17:00:00Z");
        assertThat(facts(json).getDaysPastDue()).isEqualTo(1);
    }

    @Test
    void loanToValueIsTheBalanceOverTheCarsValueAndUnknownWithoutAValue() {
        CaseFacts example = facts(CaseFactsOf.example());
        // 86000 / 70000 = 1.228571...
        assertThat(example.getLoanToValue()).isEqualTo(new BigDecimal("1.2286"));
        assertThat(example.isLtvKnown()).isTrue();
        assertThat(example.getLtv()).isCloseTo(1.228571, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(example.getLtvLabel()).isEqualTo("1.2286");

        ObjectNode json = CaseFactsOf.example();
        object(json, "collateral").put("vehicleValue", 0);
        CaseFacts worthless = facts(json);
        assertThat(worthless.isLtvKnown()).isFalse();
        assertThat(worthless.getLtv()).isEqualTo(-1);
        assertThat(worthless.getLtvLabel()).isEqualTo("unknown");

        json.remove("collateral");
        assertThat(facts(json).getGpsTracking()).isEqualTo("NONE");
        assertThat(facts(json).getVehicleValue()).isEqualByComparingTo("0");
    }

    @Test
    void debtToIncomeCountsThisLoansInstalmentWithTheOtherDebts() {
        CaseFacts example = facts(CaseFactsOf.example());
        // (2500 + 2150) / 12000
        assertThat(example.getDti()).isEqualTo(0.3875);
        assertThat(example.isDtiKnown()).isTrue();
        assertThat(example.getDtiLabel()).isEqualTo("0.3875");

        ObjectNode json = CaseFactsOf.example();
        object(json, "borrower").put("monthlyIncome", 0);
        assertThat(facts(json).isIncomeKnown()).isFalse();
        assertThat(facts(json).isDtiKnown()).isFalse();
        assertThat(facts(json).getDtiLabel()).isEqualTo("unknown");

        object(json, "borrower").remove("monthlyIncome");
        assertThat(facts(json).getDti()).isEqualTo(-1);
        assertThat(facts(json).getMonthlyIncome()).isEqualByComparingTo("0");
    }

    @Test
    void contactsCountFromTheDueDateUpToNow() {
        ObjectNode json = CaseFactsOf.example();
        ArrayNode contacts = contacts(json);
        contacts.removeAll();
        contact(contacts, "2026-10-14T23:59:00+08:00", "SMS", "DELIVERED"); // the day before it fell due
        contact(contacts, "2026-10-15T00:00:00+08:00", "EMAIL", "DELIVERED");
        contact(contacts, "2026-11-01T09:00:00+08:00", "LETTER", "DELIVERED");
        contact(contacts, "2026-11-02T09:00:00+08:00", "PHONE", "NO_ANSWER");
        contact(contacts, "2026-11-03T09:00:00+08:00", "PHONE", "WRONG_NUMBER");
        contact(contacts, "2026-11-29T10:00:00+08:00", "PHONE", "NO_ANSWER"); // at this very instant
        contact(contacts, "2026-11-29T10:00:01+08:00", "SMS", "DELIVERED"); // after it

        CaseFacts facts = facts(json);

        assertThat(facts.getRemindersSinceDue()).isEqualTo(2);
        assertThat(facts.getUnansweredCallsSinceDue()).isEqualTo(2);
        assertThat(facts.isWrongNumber()).as("the latest call was answered by nobody, not a wrong number").isFalse();
        assertThat(facts.getDaysSinceConversation()).isEqualTo(CaseFacts.NEVER);
        assertThat(facts.isRefusedSinceDue()).isFalse();
    }

    @Test
    void theLatestCallDecidesWhetherTheNumberIsWrong() {
        ObjectNode json = CaseFactsOf.example();
        contact(contacts(json), "2026-11-27T09:00:00+08:00", "PHONE", "WRONG_NUMBER");
        assertThat(facts(json).isWrongNumber()).isTrue();

        contact(contacts(json), "2026-11-28T09:00:00+08:00", "SMS", "DELIVERED");
        assertThat(facts(json).isWrongNumber()).as("an SMS since says nothing of the number").isTrue();
    }

    @Test
    void daysSinceTheBorrowerWasLastSpokenTo() {
        ObjectNode json = CaseFactsOf.example();
        assertThat(facts(json).getDaysSinceConversation()).as("contacted on the 25th").isEqualTo(4);

        contact(contacts(json), "2026-11-29T11:00:00+08:00", "PHONE", "CONTACTED"); // later today: not yet
        contact(contacts(json), "2026-11-27T11:00:00+08:00", "PHONE", "REFUSED");
        CaseFacts facts = facts(json);
        assertThat(facts.getDaysSinceConversation()).isEqualTo(2);
        assertThat(facts.isRefusedSinceDue()).isTrue();
    }

    @Test
    void aPromiseToPayHoldsForWholeDaysToTheInstant() {
        ObjectNode json = CaseFactsOf.example();
        assertThat(facts(json).getLastPromiseToPay()).isNull();
        assertThat(facts(json).promiseWithin(30)).isFalse();
        assertThat(facts(json).getDaysSincePromiseToPay()).isEqualTo(CaseFacts.NEVER);

        contact(contacts(json), "2026-11-26T10:00:00+08:00", "PHONE", "PROMISE_TO_PAY");
        CaseFacts facts = facts(json);
        assertThat(facts.getDaysSincePromiseToPay()).isEqualTo(3);
        assertThat(facts.promiseWithin(3)).as("exactly three days ago: no longer within three days").isFalse();
        assertThat(facts.promiseWithin(4)).isTrue();
    }

    @Test
    void extensionsCountInTheTwelveMonthsBeforeToday() {
        ObjectNode json = CaseFactsOf.example();
        ArrayNode plans = (ArrayNode) json.get("history").get("plans");
        plan(plans, "EXTENSION", "2025-11-29", "COMPLETED"); // twelve months ago to the day: out
        plan(plans, "EXTENSION", "2025-11-30", "COMPLETED");
        plan(plans, "EXTENSION", "2026-11-29", "ACTIVE");
        plan(plans, "EXTENSION", "2026-11-30", "ACTIVE"); // tomorrow
        plan(plans, "CATCH_UP", "2026-06-01", "BROKEN");

        CaseFacts facts = facts(json);

        assertThat(facts.getExtensionsInLastYear()).isEqualTo(2);
        assertThat(facts.isPlanActive()).isTrue();
    }

    @Test
    void legalStepsCountOnlyInThisDelinquencyAndUpToToday() {
        ObjectNode json = CaseFactsOf.example();
        ArrayNode legal = (ArrayNode) json.get("history").get("legalActions");
        legal(legal, "LAWYER_LETTER", "2026-10-14"); // an earlier delinquency, since cured
        legal(legal, "DEMAND_NOTICE", "2026-10-15");
        legal(legal, "DEMAND_NOTICE", "2026-11-09");
        legal(legal, "DEMAND_NOTICE", "2026-11-01");
        legal(legal, "LITIGATION", "2026-11-30"); // not yet

        CaseFacts facts = facts(json);

        assertThat(facts.lastLegal("DEMAND_NOTICE")).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(facts.daysSinceLegal("DEMAND_NOTICE")).isEqualTo(20);
        assertThat(facts.hasLegal("LAWYER_LETTER")).isFalse();
        assertThat(facts.hasLegal("LITIGATION")).isFalse();
        assertThat(facts.daysSinceLegal("LITIGATION")).isEqualTo(CaseFacts.NEVER);
    }

    @Test
    void aPaymentOnTheDayOfTheJudgmentCountsAsPaidSinceIt() {
        ObjectNode json = CaseFactsOf.example();
        legal((ArrayNode) json.get("history").get("legalActions"), "JUDGMENT", "2026-11-10");
        ObjectNode history = object(json, "history");

        history.put("lastPaymentOn", "2026-11-10");
        assertThat(facts(json).isPaidSinceJudgment()).isTrue();
        history.put("lastPaymentOn", "2026-11-09");
        assertThat(facts(json).isPaidSinceJudgment()).isFalse();
        history.remove("lastPaymentOn");
        assertThat(facts(json).isPaidSinceJudgment()).isFalse();
    }

    @Test
    void aChannelWithoutConsentIsNotPermittedAndLettersNeedNone() {
        ObjectNode json = CaseFactsOf.example();
        object(object(json, "borrower"), "consents").put("phone", false).put("email", false);

        CaseFacts facts = facts(json);

        assertThat(facts.permits("PHONE")).isFalse();
        assertThat(facts.permits("EMAIL")).isFalse();
        assertThat(facts.permits("SMS")).isTrue();
        assertThat(facts.permits("LETTER")).isTrue();
    }

    private static CaseFacts facts(ObjectNode json) {
        return CaseFactsOf.of(json);
    }

    private static ObjectNode dueOn(String date) {
        ObjectNode json = CaseFactsOf.example();
        object(json, "loan").put("oldestUnpaidDueDate", date);
        return json;
    }

    private static ObjectNode object(ObjectNode json, String field) {
        return (ObjectNode) json.get(field);
    }

    private static ArrayNode contacts(ObjectNode json) {
        return (ArrayNode) json.get("history").get("contacts");
    }

    private static void contact(ArrayNode contacts, String at, String channel, String outcome) {
        contacts.addObject().put("at", at).put("channel", channel).put("outcome", outcome);
    }

    private static void plan(ArrayNode plans, String type, String startedOn, String status) {
        plans.addObject().put("type", type).put("startedOn", startedOn).put("status", status);
    }

    private static void legal(ArrayNode actions, String stage, String on) {
        actions.addObject().put("stage", stage).put("on", on);
    }
}
