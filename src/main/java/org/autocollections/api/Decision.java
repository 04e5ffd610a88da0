package org.autocollections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer for one case: what the policy concluded in each area, the one next action, and why.
 * Areas the active policy does not fill are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The decision for one case, with the reasons and the ruleset version behind it.")
public record Decision(
        String caseId,
        @Schema(description = "Unique id of this decision.") String decisionId,
        Instant decidedAt,
        @Schema(description = "Content hash of the ruleset that decided.") String rulesetVersion,
        @Schema(description = "The instant the case was decided as of.") Instant asOf,
        Overdue overdue,
        Risk risk,
        Contact contact,
        RepaymentPlan repaymentPlan,
        Legal legal,
        NextAction nextAction,
        List<Reason> reasons,
        @Schema(description = "Every rule that fired, in firing order, with its source.") List<FiredRule> rulesFired,
        @Schema(description = "The experiment, arm and version that decided the case; absent when no experiment "
                + "assigned it.") Experiment experiment) {

    /** A decision no experiment assigned: what every decision was before experiments. */
    public Decision(String caseId, String decisionId, Instant decidedAt, String rulesetVersion, Instant asOf,
            Overdue overdue, Risk risk, Contact contact, RepaymentPlan repaymentPlan, Legal legal, NextAction nextAction,
            List<Reason> reasons, List<FiredRule> rulesFired) {
        this(caseId, decisionId, decidedAt, rulesetVersion, asOf, overdue, risk, contact, repaymentPlan, legal,
                nextAction, reasons, rulesFired, null);
    }

    /** The same decision, naming the experiment arm that made it. */
    public Decision assignedTo(Experiment assigned) {
        return new Decision(caseId, decisionId, decidedAt, rulesetVersion, asOf, overdue, risk, contact, repaymentPlan,
                legal, nextAction, reasons, rulesFired, assigned);
    }

    @Schema(name = "DecisionExperiment", description = "The experiment whose arm decided the case.")
    public record Experiment(@Schema(description = "The experiment's id.") long id,
            @Schema(description = "The arm the case is assigned to: champion or a challenger's name.") String arm,
            @Schema(description = "The ruleset version of that arm, which made this decision.") String version) {
    }

    public record Overdue(int daysPastDue, String bucket, Classification classification, BigDecimal penaltyInterest) {
    }

    public record Risk(RiskRating rating, Integer score, BigDecimal loanToValue, BigDecimal exposure, BigDecimal expectedLoss) {
    }

    public record Contact(RecommendedChannel channel, String scriptId, Instant earliestNextContact,
            Integer attemptsLeftToday, Integer attemptsLeftThisWeek) {
    }

    public record RepaymentPlan(boolean eligible, List<PlanOption> options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanOption(PlanType type, String method, Integer termMonths, BigDecimal monthlyPayment,
            BigDecimal firstPayment, BigDecimal lastPayment, BigDecimal lumpSum, BigDecimal totalPayable,
            String rule) {
    }

    public record Legal(LegalStage stage, LocalDate limitationExpiresOn) {
    }

    public record NextAction(NextActionType type, int priority, Instant notBefore) {
    }

    @Schema(description = "One conclusion and the rule, and for a table the sheet and row, that produced it.")
    public record Reason(ReasonArea area, String code, String message, String rule,
            @Schema(example = "decision-tables/overdue-buckets.drl.xlsx#Sheet1!12") String source) {
    }

    public record FiredRule(String rule, String source) {
    }
}
