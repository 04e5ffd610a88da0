package org.autocollections.audit;

import java.util.List;

import org.autocollections.api.Decision;
import org.autocollections.api.ReasonArea;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a decision concluded, as its record keeps it: every conclusion and the next action, and each reason's code with
 * the rule and source behind it. Not kept: the reasons' wording and the fired rules, which deciding the recorded
 * request again with the recorded version at the recorded asOf gives back exactly (decisions are deterministic);
 * the identity and times are columns of the record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedConclusions(Decision.Overdue overdue, Decision.Risk risk, Decision.Contact contact,
        Decision.RepaymentPlan repaymentPlan, Decision.Legal legal, Decision.NextAction nextAction,
        List<Reason> reasons) {

    /** A reason without its words: the code, and the rule and source that gave it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(ReasonArea area, String code, String rule, String source) {
    }

    public static RecordedConclusions of(Decision d) {
        return new RecordedConclusions(d.overdue(), d.risk(), d.contact(), d.repaymentPlan(), d.legal(), d.nextAction(),
                d.reasons() == null ? null
                        : d.reasons().stream().map(r -> new Reason(r.area(), r.code(), r.rule(), r.source())).toList());
    }
}
