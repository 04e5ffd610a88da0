package org.autocollections.policy;

import java.util.Arrays;
import java.util.List;

/**
 * A row of the legal-escalation table saying what one kind of event does to the limitation period: whether it
 * restarts a period still running (interrupts it: PRC Civil Code art. 195), and whether, once the period has run
 * out, it revives it (art. 192(2); in the US, state law). Each answer is YES, NO or UNSURE; the service routes a case
 * whose outcome turns on an UNSURE to legal review instead of deciding it.
 */
public final class LimitationInterruption {

    /** What the row is about: a contact of the contact log, a payment, a repayment plan agreed, or a legal step. */
    public enum Event { CONTACT, PAYMENT, PLAN, LEGAL }

    /** What an event does to the period. */
    public enum Effect { NO, UNSURE, YES }

    private final String name;
    private final String jurisdiction;
    private final String state;
    private final Event event;
    private final List<String> kinds;
    private final List<String> outcomes;
    private final Effect restarts;
    private final Effect revives;
    private final String source;

    public LimitationInterruption(String name, String jurisdiction, String state, String event, String kinds,
            String outcomes, String restarts, String revives, String source) {
        this.name = name.trim();
        this.jurisdiction = jurisdiction.trim();
        this.state = anyIfDash(state);
        this.event = Event.valueOf(event.trim());
        this.kinds = list(kinds);
        this.outcomes = list(outcomes);
        this.restarts = Effect.valueOf(restarts.trim());
        this.revives = Effect.valueOf(revives.trim());
        this.source = source;
    }

    /** A cell's value, or null for "-" (any, or unknown): every cell of a table's action column must hold something. */
    static String anyIfDash(String cell) {
        return cell == null || cell.isBlank() || cell.trim().equals("-") ? null : cell.trim();
    }

    private static List<String> list(String cell) {
        String value = anyIfDash(cell);
        return value == null ? List.of() : Arrays.asList(value.split("[,;\\s]+"));
    }

    /** Whether the row applies to this event of a case in this jurisdiction and state. */
    boolean covers(String caseJurisdiction, Event kind, String what, String outcome) {
        return jurisdiction.equals(caseJurisdiction) && event == kind
                && (kinds.isEmpty() || kinds.contains(what))
                && (outcomes.isEmpty() || outcomes.contains(outcome));
    }

    public String getName() {
        return name;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    /** The US state the row is for; null for every state (and for CN). */
    public String getState() {
        return state;
    }

    public Event getEvent() {
        return event;
    }

    public Effect getRestarts() {
        return restarts;
    }

    public Effect getRevives() {
        return revives;
    }

    public String getSource() {
        return source;
    }
}
