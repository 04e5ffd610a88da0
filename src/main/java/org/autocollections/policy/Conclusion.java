package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/**
 * Something a rule concluded about a case, able to say so in words. The engine fills in which rule (and which
 * table row) concluded it, so rules and tables never have to name themselves.
 */
public abstract class Conclusion {

    private Attribution attribution;

    public abstract ReasonArea area();

    /** A stable, machine-readable code for the reason, e.g. {@code BUCKET_M2}. */
    public abstract String code();

    public abstract String message();

    public Attribution attribution() {
        return attribution;
    }

    /** Set once, by the engine, when a rule inserts this conclusion. */
    public void attribute(Attribution attribution) {
        if (this.attribution == null) {
            this.attribution = attribution;
        }
    }
}
