package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/**
 * Something a rule concluded about a case, with the values its wording names. The engine fills in which rule (and which
 * table row) concluded it, so rules and tables never have to name themselves.
 */
public abstract class Conclusion {

    private Attribution attribution;

    public abstract ReasonArea area();

    /** A stable, machine-readable code for the reason, e.g. {@code BUCKET_M2}. */
    public abstract String code();

    /**
     * The value of one of the reason's parameters, by the name the wording file gives it ({@code days} for
     * {@code {days}}), or null when the reason has no value for it in this case. {@link ReasonKinds} lists the
     * parameters of every code; the words themselves are the policy's ({@code decision-tables/wording.csv}).
     */
    public abstract Object parameter(String name);

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
