package org.autocollections.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.autocollections.api.ContactAttempt;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.PlanRecord;
import org.autocollections.policy.LimitationInterruption.Event;

/**
 * The events of a case that bear on its limitation period, up to the decision date and in date order, each with the
 * table row that says what it does. An event no row covers does nothing to the period. Where a row names the
 * borrower's US state, it replaces the rows for every state of the same kind of event.
 */
final class LimitationEvents {

    /** An event on a day of the borrower's calendar, in words, and the row that governs it. */
    record Dated(LocalDate on, String what, LimitationInterruption row) {

        String describe() {
            return what + " on " + on + " (" + row.getName() + ")";
        }
    }

    private final CaseFacts facts;
    private final List<LimitationInterruption> rows;
    private final List<Dated> events = new ArrayList<>();

    private LimitationEvents(CaseFacts facts, Collection<LimitationInterruption> all) {
        this.facts = facts;
        String state = facts.getRequest().borrower().state();
        List<LimitationInterruption> mine = all.stream().filter(r -> r.getJurisdiction().equals(facts.getJurisdiction())).toList();
        List<LimitationInterruption> applying = new ArrayList<>();
        for (Event kind : Event.values()) {
            List<LimitationInterruption> ofKind = mine.stream().filter(r -> r.getEvent() == kind).toList();
            List<LimitationInterruption> forState = ofKind.stream().filter(r -> r.getState() != null && r.getState().equals(state)).toList();
            applying.addAll(forState.isEmpty() ? ofKind.stream().filter(r -> r.getState() == null).toList() : forState);
        }
        this.rows = applying;
    }

    static List<Dated> of(CaseFacts facts, Collection<LimitationInterruption> rows) {
        return new LimitationEvents(facts, rows).read();
    }

    private List<Dated> read() {
        for (ContactAttempt c : facts.getContacts()) {
            // A notice sent after a cease-communication request demands nothing; whether it interrupts is for counsel.
            if (!c.at().toInstant().isAfter(facts.getAsOf()) && c.purpose() == null) {
                add(LocalDate.ofInstant(c.at().toInstant(), facts.getZone()), Event.CONTACT, c.channel().name(),
                        c.outcome().name(), "a " + c.channel() + " contact (" + c.outcome() + ")");
            }
        }
        if (facts.getLastPaymentOn() != null) {
            add(facts.getLastPaymentOn(), Event.PAYMENT, null, null, "the last payment");
        }
        for (PlanRecord plan : facts.getHistory().plansOrEmpty()) {
            add(plan.startedOn(), Event.PLAN, plan.type().name(), null, "the " + plan.type() + " plan agreed");
        }
        for (LegalActionRecord action : facts.getHistory().legalActionsOrEmpty()) {
            add(action.on(), Event.LEGAL, action.stage().name(), null, "the " + action.stage());
        }
        events.sort(Comparator.comparing(Dated::on));
        return events;
    }

    private void add(LocalDate on, Event kind, String what, String outcome, String words) {
        if (on.isAfter(facts.getAsOfDate())) {
            return;
        }
        rows.stream().filter(r -> r.covers(facts.getJurisdiction(), kind, what, outcome))
                .max(Comparator.comparing(LimitationInterruption::getRestarts).thenComparing(LimitationInterruption::getRevives))
                .ifPresent(row -> events.add(new Dated(on, words, row)));
    }
}
