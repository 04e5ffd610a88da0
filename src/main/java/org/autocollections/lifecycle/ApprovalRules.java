package org.autocollections.lifecycle;

import static org.autocollections.lifecycle.DraftAction.Blocker.FOUR_EYES;
import static org.autocollections.lifecycle.DraftAction.Blocker.ROLE;
import static org.autocollections.lifecycle.DraftAction.Blocker.STATUS;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.autocollections.api.Message;
import org.autocollections.security.Roles;

import io.quarkus.security.ForbiddenException;

/**
 * Who may take which step on a draft now, and why not: the draft's status, the caller's roles, and the four-eyes
 * rule (nobody approves a draft they uploaded or revised). {@link ApprovalWorkflow} enforces these verdicts and the
 * draft's view lists them, so the analyst's page and the server cannot disagree; the sentences are the page's own.
 * A step's roles are also those its endpoint allows ({@code DraftResource}, {@code RulesetResource}).
 */
final class ApprovalRules {

    /** The steps on a draft, in the order the view lists them. */
    enum Step {
        REVISE, APPROVE, REJECT, ACTIVATE, ROLLBACK;

        String wireName() {
            return name().toLowerCase();
        }
    }

    /** The actor of the validation's own change of status: not an author. */
    static final String VALIDATION = "validation";

    private static final Map<Step, Set<String>> ROLES = Map.of(
            Step.REVISE, Set.of(Roles.ANALYST, Roles.DEVELOPER),
            Step.APPROVE, Set.of(Roles.APPROVER),
            Step.REJECT, Set.of(Roles.APPROVER, Roles.ANALYST, Roles.DEVELOPER),
            Step.ACTIVATE, Set.of(Roles.APPROVER),
            Step.ROLLBACK, Set.of(Roles.APPROVER));

    /** How the analyst's page names a status in a sentence. */
    private static final Map<DraftStatus, String> SAID = Map.of(DraftStatus.DRAFT, "needs fixes",
            DraftStatus.VALIDATED, "checked", DraftStatus.APPROVED, "approved", DraftStatus.ACTIVE, "in force",
            DraftStatus.RETIRED, "retired", DraftStatus.REJECTED, "rejected");

    private ApprovalRules() {
    }

    /** Every step, in order, as the caller may take it now. */
    static List<DraftAction> actions(DraftStatus status, Set<String> authors, Actor caller) {
        return Arrays.stream(Step.values()).map(step -> judge(step, status, authors, caller)).toList();
    }

    /** Whether the caller may take the step; the draft's status is looked at first, then roles, then four eyes. */
    static DraftAction judge(Step step, DraftStatus status, Set<String> authors, Actor caller) {
        String statusWhy = statusWhy(step, status);
        if (statusWhy != null) {
            return new DraftAction(step.wireName(), false, STATUS, statusWhy);
        }
        String roleWhy = roleWhy(step, authors, caller);
        if (roleWhy != null) {
            return new DraftAction(step.wireName(), false, ROLE, roleWhy);
        }
        if (step == Step.APPROVE && authors.contains(caller.name())) {
            return new DraftAction(step.wireName(), false, FOUR_EYES,
                    "you uploaded or revised this draft, so a second person must approve it (four-eyes rule).");
        }
        return new DraftAction(step.wireName(), true, null, null);
    }

    /** Refuses the step, as the API answers, unless the caller may take it now. */
    static void require(Step step, Draft draft, Set<String> authors, Actor caller) {
        DraftAction verdict = judge(step, draft.status, authors, caller);
        if (verdict.allowed()) {
            return;
        }
        throw switch (verdict.blockedBy()) {
            case STATUS -> conflict(step, draft);
            case FOUR_EYES -> new FourEyesException(Message.of("four-eyes.detail.approve", draft.id, caller.name()));
            // the endpoints refuse other roles first; what reaches here is a reject by someone not an author
            case ROLE -> step == Step.REJECT
                    ? new FourEyesException(Message.of("four-eyes.detail.reject", draft.id))
                    : new ForbiddenException(verdict.why());
        };
    }

    /** Refuses the step if the draft's status does not allow it, whoever asks (watch mode's approval by configuration). */
    static void requireStatus(Step step, Draft draft) {
        if (statusWhy(step, draft.status) != null) {
            throw conflict(step, draft);
        }
    }

    /** Everyone who put files into the draft (uploaded or revised it): the four-eyes rule keeps them from approving it. */
    static Set<String> authors(Draft draft, List<RulesetEvent> events) {
        Set<String> authors = new LinkedHashSet<>();
        events.stream().filter(e -> e.fromStatus == null || e.toStatus == DraftStatus.DRAFT).forEach(e -> authors.add(e.actor));
        authors.add(draft.author);
        authors.remove(VALIDATION);
        return authors;
    }

    static Set<String> roles(Step step) {
        return ROLES.get(step);
    }

    private static String statusWhy(Step step, DraftStatus status) {
        boolean open = DraftStatus.OPEN.contains(status);
        return switch (step) {
            case REVISE -> open ? null : "Only an open draft can be revised.";
            case APPROVE -> status == DraftStatus.VALIDATED ? null
                    : status == DraftStatus.DRAFT ? "Only a draft that passed the checks can be approved."
                    : "This version is " + SAID.get(status) + ", so it cannot be approved.";
            case REJECT -> open ? null : "Only an open draft can be rejected.";
            case ACTIVATE -> status == DraftStatus.APPROVED ? null
                    : status == DraftStatus.ACTIVE ? "This version is already in force."
                    : "A draft must be approved before it is put in force.";
            case ROLLBACK -> status == DraftStatus.RETIRED ? null
                    : status == DraftStatus.ACTIVE ? "This version is already in force."
                    : "Only a version that was in force before can be rolled back to.";
        };
    }

    private static String roleWhy(Step step, Set<String> authors, Actor caller) {
        boolean allowed = caller.hasAny(ROLES.get(step).toArray(String[]::new));
        if (step == Step.REJECT) {
            // an author may withdraw their own draft; turning down another's takes an approver
            allowed = caller.hasAny(Roles.APPROVER) || (allowed && authors.contains(caller.name()));
        }
        if (allowed) {
            return null;
        }
        String roles = caller.rolesText();
        return switch (step) {
            case REVISE -> "only an analyst or a developer can revise a draft; your roles: " + roles + ".";
            case APPROVE -> "only an approver can approve; your roles: " + roles + ".";
            case REJECT -> "only an approver or the draft's author can reject it.";
            case ACTIVATE -> "only an approver can put a version in force; your roles: " + roles + ".";
            case ROLLBACK -> "only an approver can roll back; your roles: " + roles + ".";
        };
    }

    private static LifecycleConflictException conflict(Step step, Draft draft) {
        String key = switch (step) {
            case REVISE -> "lifecycle-conflict.detail.revise";
            case APPROVE -> "lifecycle-conflict.detail.approve";
            case REJECT -> "lifecycle-conflict.detail.reject";
            case ACTIVATE -> "lifecycle-conflict.detail.activate";
            case ROLLBACK -> "lifecycle-conflict.detail.rollback";
        };
        return new LifecycleConflictException(Message.of(key, draft.id, draft.status));
    }
}
