package org.autocollections.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer given unless the full trace is asked for ({@code ?trace=full}): the same conclusions and next action as
 * the full decision, and for each area the reasons' codes with the rule and source behind each. The full decision's
 * worded messages, the rule repeated on each plan option (its PLAN reason names it) and the list of every fired rule
 * are left out; reasons that are then alike are given once. A view of the engine's decision, never a second one: the
 * decision recorded is the full one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CompactDecision", description = "The decision for one case, with the rule and source behind each "
        + "reason; ask for ?trace=full for the worded reasons and every rule fired.")
public record CompactDecision(
        String caseId,
        @Schema(description = "Unique id of this decision.") String decisionId,
        Instant decidedAt,
        @Schema(description = "Content hash of the ruleset that decided.") String rulesetVersion,
        @Schema(description = "The instant the case was decided as of.") Instant asOf,
        Decision.Overdue overdue,
        Decision.Risk risk,
        Decision.Contact contact,
        Plan repaymentPlan,
        Decision.Legal legal,
        Decision.NextAction nextAction,
        @Schema(description = "The reasons of each area, in the order of the full decision's reasons.")
        Map<ReasonArea, List<Reason>> reasons,
        @Schema(description = "The experiment, arm and version that decided the case; absent when no experiment "
                + "assigned it.") Decision.Experiment experiment) {

    public static CompactDecision of(Decision d) {
        Decision.RepaymentPlan plan = d.repaymentPlan();
        return new CompactDecision(d.caseId(), d.decisionId(), d.decidedAt(), d.rulesetVersion(), d.asOf(), d.overdue(),
                d.risk(), d.contact(), plan == null ? null : new Plan(plan.eligible(), plan.options()), d.legal(),
                d.nextAction(), byArea(d.reasons()), d.experiment());
    }

    private static Map<ReasonArea, List<Reason>> byArea(List<Decision.Reason> reasons) {
        if (reasons == null) {
            return null;
        }
        Map<ReasonArea, List<Reason>> byArea = new EnumMap<>(ReasonArea.class);
        for (Decision.Reason r : reasons) {
            List<Reason> area = byArea.computeIfAbsent(r.area(), a -> new ArrayList<>(4));
            Reason compact = new Reason(r.code(), r.rule(), r.source());
            if (!area.contains(compact)) {
                area.add(compact);
            }
        }
        return byArea;
    }

    /** The repayment plan; each option's rule is its reason's ({@code PLAN_} and the option's type). */
    @Schema(name = "CompactRepaymentPlan")
    public record Plan(boolean eligible,
            @JsonIgnoreProperties("rule") @Schema(description = "The plan options, without the rule each reason names.")
            List<Decision.PlanOption> options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CompactReason", description = "One conclusion's code and the rule, and for a table the sheet and "
            + "row, that produced it.")
    public record Reason(String code, String rule,
            @Schema(example = "decision-tables/overdue-buckets.drl.csv#12") String source) {
    }
}
