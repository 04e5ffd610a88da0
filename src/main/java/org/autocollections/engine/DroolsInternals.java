package org.autocollections.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Everything the service takes from Drools beyond its public API ({@code org.kie.api}): classes of the engine's own
 * implementation, which a Drools upgrade may rename or change without a word in its release notes. They are used
 * here and nowhere else, each with the reason the public API does not serve, so that an upgrade has one class to
 * look at; {@code DroolsInternalsTest} fails, naming what changed, when they no longer do what the engine relies on.
 */
final class DroolsInternals {

    private DroolsInternals() {
    }

    /**
     * Puts a used session back in the state of a new one: no fact, activation, node memory or listener, and fact
     * handles numbered from the start again, so that {@link SessionPool} can hand it to the next decision. False
     * when it cannot (another implementation of the session, or the reset failed): the caller disposes of it.
     *
     * <p>Internal because the KIE API has no reset; building a new session instead costs about a tenth of a
     * decision (docs/benchmarks.md).
     */
    static boolean reset(KieSession session) {
        if (!(session instanceof StatefulKnowledgeSessionImpl impl)) {
            return false;
        }
        try {
            impl.reset();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a rule has no condition at all, or only the initial fact Drools gives a rule without conditions: one of
     * the {@link ConstantRules}. False for a rule this cannot look into.
     *
     * <p>Internal because the KIE API's {@link Rule} shows a rule's name and metadata, not its conditions.
     */
    static boolean hasNoConditions(Rule rule) {
        if (!(rule instanceof RuleImpl impl)) {
            return false;
        }
        for (RuleConditionElement element : impl.getLhs().getChildren()) {
            if (!(element instanceof Pattern pattern) || !ClassObjectType.InitialFact_ObjectType.equals(pattern.getObjectType())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a rule fires the plain way {@link ConstantRules} needs: whenever the agenda reaches it, in the main
     * agenda group, with a fixed salience, no timer, calendar, activation group, auto-focus, lock-on-active, date
     * window, named consequence or eager evaluation, and not a query. False for a rule this cannot look into.
     *
     * <p>Internal because the KIE API's {@link Rule} does not show a rule's attributes.
     */
    static boolean firesPlainly(Rule rule) {
        return rule instanceof RuleImpl impl && impl.getTimer() == null && !impl.hasCalendars()
                && !impl.isSalienceDynamic() && impl.isMainAgendaGroup()
                && (impl.getActivationGroup() == null || impl.getActivationGroup().isEmpty()) && !impl.getAutoFocus()
                && !impl.isLockOnActive() && impl.getDateEffective() == null && impl.getDateExpires() == null
                && !impl.hasNamedConsequences() && !impl.isEager() && !impl.isQuery();
    }
}
