package org.autocollections.engine;

import java.util.ArrayList;
import java.util.List;

import org.autocollections.api.Decision;
import org.autocollections.policy.Attribution;
import org.autocollections.policy.Conclusion;
import org.autocollections.ruleset.Ruleset;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Watches one decision's session: records each rule that fires, and stamps every conclusion a rule inserts with that
 * rule and the file (and table row) it is written in. Rules never have to name themselves.
 *
 * <p>It is also the decision's agenda filter: a rule with no conditions ({@link ConstantRules}) is recorded as fired
 * at the moment the agenda reaches it, and the facts it always concludes, built once per ruleset, are inserted in its
 * place, instead of running its consequence again.
 */
final class Explainer implements AgendaFilter {

    private final Ruleset ruleset;
    private final ConstantRules constants;
    private final List<Decision.FiredRule> fired = new ArrayList<>(96);
    private KieSession session;
    private int constantsFired;
    /** The rule looked up last: a rule's conclusions are inserted just before it is recorded as fired. */
    private Rule lastRule;
    private Attribution lastAttribution;

    Explainer(Ruleset ruleset, ConstantRules constants) {
        this.ruleset = ruleset;
        this.constants = constants;
    }

    void watch(KieSession session) {
        this.session = session;
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Attribution a = attribution(event.getMatch().getRule());
                fired.add(new Decision.FiredRule(a.rule(), a.source()));
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Conclusion conclusion && event.getRule() != null) {
                    conclusion.attribute(attribution(event.getRule()));
                }
            }
        });
    }

    private Attribution attribution(Rule rule) {
        if (rule != lastRule) {
            lastAttribution = ruleset.attribution(rule);
            lastRule = rule;
        }
        return lastAttribution;
    }

    /** Lets every rule fire but those with no conditions, whose firing is recorded and whose facts are inserted. */
    @Override
    public boolean accept(Match match) {
        ConstantRules.Row row = constants.row(match.getRule());
        if (row == null) {
            return true;
        }
        fired.add(row.fired());
        for (Object fact : row.facts()) {
            session.insert(fact);
        }
        constantsFired++;
        return false;
    }

    List<Decision.FiredRule> fired() {
        return fired;
    }

    /** How many rules with no conditions were met (and recorded as fired) without running. */
    int constantsFired() {
        return constantsFired;
    }
}
