package org.autocollections.policy;

import org.autocollections.api.ContactPurpose;

/**
 * A row of the next-action table: which of the notices permitted after a cease-communication request stands in for
 * a legal step (or for no step), since the step itself would be a communication the request forbids.
 */
public final class CeaseNotice {

    private final String step;
    private final ContactPurpose purpose;
    private final String source;

    public CeaseNotice(String step, String purpose, String source) {
        this.step = step.trim();
        this.purpose = ContactPurpose.valueOf(purpose.trim());
        this.source = source;
    }

    /** The legal step due (NONE for none) the row is for. */
    public String getStep() {
        return step;
    }

    public ContactPurpose getPurpose() {
        return purpose;
    }

    /** The next action that sends this notice. */
    public String getAction() {
        return "NOTIFY_" + purpose.name();
    }

    public String getSource() {
        return source;
    }

    /** Whether the contact log holds this notice already, up to the decision: each is sent at most once. */
    public boolean sentTo(CaseFacts facts) {
        return facts.getContacts().stream()
                .anyMatch(c -> c.purpose() == purpose && !c.at().toInstant().isAfter(facts.getAsOf()));
    }
}
