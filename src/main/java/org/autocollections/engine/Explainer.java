package org.autocollections.engine;

import java.util.ArrayList;
import java.util.List;

import org.autocollections.domain.Decision;
import org.autocollections.policy.Attribution;
import org.autocollections.policy.Conclusion;
import org.autocollections.ruleset.Ruleset;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Watches one decision's session: records each rule that fires, and stamps every conclusion a rule inserts with that
 * rule and the file (and table row) it is written in. Rules never have to name themselves.
 */
final class Explainer {

    private final Ruleset ruleset;
    private final List<Decision.FiredRule> fired = new ArrayList<>();

    Explainer(Ruleset ruleset) {
        this.ruleset = ruleset;
    }

    void watch(KieSession session) {
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Attribution a = ruleset.attribution(event.getMatch().getRule());
                fired.add(new Decision.FiredRule(a.rule(), a.source()));
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null && event.getObject() instanceof Conclusion conclusion) {
                    conclusion.attribute(ruleset.attribution(event.getRule()));
                }
            }
        });
    }

    List<Decision.FiredRule> fired() {
        return fired;
    }
}
