package org.autocollections.policy;

import java.util.Collection;
import java.util.Optional;

/**
 * How long the limitation period runs in a jurisdiction, or in one US state, from a row of the legal-escalation
 * table. A row may leave the years out ({@code -}): the period is then unknown, and the service says so rather than
 * guess.
 */
public final class LimitationPeriod {

    private final String name;
    private final String jurisdiction;
    private final String state;
    private final Integer years;
    private final String source;

    public LimitationPeriod(String name, String jurisdiction, String state, String years, String source) {
        this.name = name.trim();
        this.jurisdiction = jurisdiction.trim();
        this.state = LimitationInterruption.anyIfDash(state);
        this.years = LimitationInterruption.anyIfDash(years) == null ? null : Integer.valueOf(years.trim());
        this.source = source;
    }

    /** The row for the case: its state's if there is one, else its jurisdiction's row for any state. */
    public static Optional<LimitationPeriod> forCase(Collection<LimitationPeriod> periods, CaseFacts facts) {
        String state = facts.getRequest().borrower().state();
        return periods.stream().filter(p -> p.jurisdiction.equals(facts.getJurisdiction()))
                .filter(p -> p.state == null || p.state.equals(state))
                .min((a, b) -> Boolean.compare(a.state == null, b.state == null));
    }

    public String getName() {
        return name;
    }

    /** The period in years; null when the table does not know it. */
    public Integer getYears() {
        return years;
    }

    public String getSource() {
        return source;
    }
}
