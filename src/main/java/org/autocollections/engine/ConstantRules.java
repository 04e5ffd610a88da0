package org.autocollections.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.autocollections.api.Decision;
import org.autocollections.policy.Attribution;
import org.autocollections.ruleset.Ruleset;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The rules of a ruleset that have no conditions: in the shipped policy, the rows of the parameter tables (contact
 * limits, action mappings, plan terms, channel fallbacks, policy figures), about 47 of the 76 rules that fire in a
 * decision. They conclude the same facts for every case, so they are run once per ruleset, here, and their facts
 * kept. A decision still meets each of them in the agenda at the very moment it would fire; instead of running its
 * consequence (a logical insertion, with its truth-maintenance bookkeeping), the engine records the rule as fired,
 * with its source, and inserts the facts built here (see {@link Explainer#accept}). The facts arrive in the same
 * order and at the same point of the firing sequence as before, so every later rule sees the same session and the
 * decision, its reasons and its list of fired rules are what running the rows would have given.
 *
 * <p>Only plain rules qualify (told by {@link DroolsInternals}, since the KIE API does not show a rule's conditions
 * and attributes): no timer, calendar, agenda or activation group, auto-focus, dynamic salience, date window or named
 * consequence, each firing exactly once in an empty session, and neither their facts nor anything else changed or
 * deleted there. If any rule with no conditions does something else, none is treated as constant.
 */
final class ConstantRules {

    /** A rule with no conditions: how a decision names it, and the facts it concludes (shared, never changed). */
    record Row(Decision.FiredRule fired, List<Object> facts) {
    }

    static final ConstantRules NONE = new ConstantRules(Map.of());

    /** Firings allowed when running the rules once with no case: far more than a sane policy needs. */
    private static final int MAX_FIRINGS = 100_000;

    private final Map<Rule, Row> rows;

    private ConstantRules(Map<Rule, Row> rows) {
        this.rows = rows;
    }

    /** The row of a rule with no conditions, or null for any other rule. */
    Row row(Rule rule) {
        return rows.get(rule);
    }

    int size() {
        return rows.size();
    }

    static ConstantRules of(Ruleset ruleset) {
        Map<Rule, Row> candidates = new IdentityHashMap<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!DroolsInternals.hasNoConditions(rule)) {
                    continue;
                }
                if (!DroolsInternals.firesPlainly(rule)) {
                    return NONE;
                }
                candidates.put(rule, null);
            }
        }
        if (candidates.isEmpty()) {
            return NONE;
        }
        Map<Rule, List<Object>> inserted = new IdentityHashMap<>();
        Map<Rule, Integer> firings = new IdentityHashMap<>();
        boolean[] changed = { false };
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            // The same explainer as a decision's, so that a conclusion among the facts carries its rule as it would.
            new Explainer(ruleset, NONE).watch(session);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firings.merge(event.getMatch().getRule(), 1, Integer::sum);
                }
            });
            session.addEventListener(new RuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null && candidates.containsKey(event.getRule())) {
                        inserted.computeIfAbsent(event.getRule(), r -> new ArrayList<>()).add(event.getObject());
                    }
                }

                @Override
                public void objectUpdated(ObjectUpdatedEvent event) {
                    changed[0] = true;
                }

                @Override
                public void objectDeleted(ObjectDeletedEvent event) {
                    changed[0] = true;
                }
            });
            if (session.fireAllRules(MAX_FIRINGS) >= MAX_FIRINGS) {
                return NONE;
            }
        } finally {
            session.dispose();
        }
        if (changed[0]) {
            return NONE;
        }
        Map<Rule, Row> rows = new IdentityHashMap<>();
        for (Rule rule : candidates.keySet()) {
            Integer fired = firings.get(rule);
            if (fired == null) {
                continue; // disabled, or outside its dates: it stays in the session, where it will not fire either
            }
            if (fired != 1) {
                return NONE;
            }
            Attribution a = ruleset.attribution(rule);
            rows.put(rule, new Row(new Decision.FiredRule(a.rule(), a.source()),
                    List.copyOf(inserted.getOrDefault(rule, List.of()))));
        }
        return new ConstantRules(rows);
    }
}
