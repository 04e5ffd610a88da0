package org.autocollections.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.autocollections.api.CollectionCase;
import org.autocollections.policy.CaseFacts;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.tables.PolicyFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.autocollections.DatabaseFree;


/**
 * What the engine relies on in the Drools internals it uses ({@link DroolsInternals}), checked against the Drools
 * this is built with, for both rule models. After a Drools upgrade a failure here says which reliance broke, before it
 * shows as slower decisions or, worse, a decision that depends on the one before.
 */
@DatabaseFree
class DroolsInternalsTest {

    private static final Map<RuleModel, KieBase> SHAPES = new EnumMap<>(RuleModel.class);

    /** One rule of each shape ConstantRules tells apart: no conditions, conditions, and every non-plain attribute. */
    private static final String SHAPES_DRL = """
            package org.autocollections.probe;
            import org.autocollections.policy.CaseFacts;

            rule "no conditions" when then end
            rule "a pattern" when CaseFacts() then end
            rule "a negation" when not CaseFacts() then end
            rule "an eval" when eval(true) then end
            rule "dynamic salience" salience (Integer.parseInt("1")) when $f : CaseFacts() then end
            rule "timer" timer (int: 1s) when then end
            rule "calendars" calendars "weekdays" when then end
            rule "agenda group" ruleflow-group "other" when then end
            rule "activation group" activation-group "one" when then end
            rule "auto-focus" auto-focus true when then end
            rule "lock-on-active" lock-on-active true when then end
            rule "date-effective" date-effective "01-Jan-2020" when then end
            rule "date-expires" date-expires "01-Jan-2999" when then end
            rule "named consequence" when $f : CaseFacts() do[extra] then then[extra] end
            """;

    private static final Set<String> WITHOUT_CONDITIONS = Set.of("no conditions", "timer", "calendars", "agenda group",
            "activation group", "auto-focus", "lock-on-active", "date-effective", "date-expires");
    private static final Set<String> PLAIN = Set.of("no conditions", "a pattern", "a negation", "an eval");

    private static synchronized KieBase shapes(RuleModel model) {
        return SHAPES.computeIfAbsent(model, m -> {
            try {
                return new RulesetCompiler(m).compile("shapes", List.of(new PolicyFile("rules/shapes.drl",
                        SHAPES_DRL.getBytes(StandardCharsets.UTF_8))), Instant.EPOCH).kieBase();
            } catch (RulesetCompilationException e) {
                throw new IllegalStateException("the probe rules no longer compile: " + e.getMessage(), e);
            }
        });
    }

    private static CaseFacts exampleFacts() {
        CollectionCase c = Engines.exampleCase();
        return new CaseFacts(c, c.asOf().toInstant(), ZoneId.of(c.borrower().timeZone()));
    }

    /** What one decision's run of the rules shows through the public API. */
    private record Run(String firstHandle, List<String> fired, Map<String, Long> factsByKind) {
    }

    private static Run run(KieSession session, CaseFacts facts) {
        List<String> fired = new ArrayList<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        String handle = session.insert(facts).toExternalForm();
        session.fireAllRules(10_000);
        Map<String, Long> kinds = session.getObjects().stream()
                .collect(Collectors.groupingBy(o -> o.getClass().getName(), TreeMap::new, Collectors.counting()));
        return new Run(handle, fired, kinds);
    }

    @ParameterizedTest
    @EnumSource(RuleModel.class)
    void aResetSessionDecidesAsANewSessionWould(RuleModel model) {
        KieBase kieBase = Engines.shippedRuleset(model).kieBase();
        CaseFacts facts = exampleFacts();
        KieSession used = kieBase.newKieSession();
        KieSession fresh = kieBase.newKieSession();
        try {
            Run first = run(used, facts);
            assertTrue(DroolsInternals.reset(used), "DroolsInternals.reset no longer resets the sessions "
                    + "KieBase.newKieSession() makes (" + used.getClass().getName() + "; StatefulKnowledgeSessionImpl."
                    + "reset() gone or failing): SessionPool would build a new session for every decision");
            assertEquals(0, used.getFactCount(), "a reset session still holds facts of the decision before it");
            assertTrue(used.getAgendaEventListeners().isEmpty() && used.getRuleRuntimeEventListeners().isEmpty(),
                    "a reset session keeps the listeners of the decision before it: that decision's Explainer would "
                            + "record the next decision's rules as well");
            Run again = run(used, facts);
            Run anew = run(fresh, facts);
            assertEquals(anew.firstHandle(), again.firstHandle(),
                    "a reset session numbers its facts unlike a new session (fact handle and recency counters)");
            assertEquals(anew, again, "a reset session fires other rules, or concludes other facts, than a new one");
            assertEquals(first, again, "the same case decided twice in one pooled session gives two answers");
        } finally {
            used.dispose();
            fresh.dispose();
        }
    }

    @ParameterizedTest
    @EnumSource(RuleModel.class)
    void theRuleIntrospectionTellsEachShapeApart(RuleModel model) {
        Map<String, Rule> rules = new TreeMap<>();
        for (KiePackage pkg : shapes(model).getKiePackages()) {
            pkg.getRules().forEach(rule -> rules.put(rule.getName(), rule));
        }
        for (Rule rule : rules.values()) {
            String name = rule.getName();
            assertEquals(WITHOUT_CONDITIONS.contains(name), DroolsInternals.hasNoConditions(rule),
                    "DroolsInternals.hasNoConditions misreads the rule \"" + name + "\" (" + rule.getClass().getName()
                            + "): RuleImpl.getLhs(), Pattern or ClassObjectType.InitialFact_ObjectType changed");
            assertEquals(PLAIN.contains(name), DroolsInternals.firesPlainly(rule),
                    "DroolsInternals.firesPlainly misreads the rule \"" + name + "\" (" + rule.getClass().getName()
                            + "): the RuleImpl attribute it reads for this shape changed");
        }
        assertTrue(rules.keySet().containsAll(WITHOUT_CONDITIONS) && rules.keySet().containsAll(PLAIN),
                "the probe rules are not all in the KieBase: " + rules.keySet());
    }

    @ParameterizedTest
    @EnumSource(RuleModel.class)
    void theShippedParameterRowsAreTakenForConstants(RuleModel model) {
        Ruleset ruleset = Engines.shippedRuleset(model);
        List<Rule> withoutConditions = new ArrayList<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            pkg.getRules().stream().filter(DroolsInternals::hasNoConditions).forEach(withoutConditions::add);
        }
        assertFalse(withoutConditions.isEmpty(), "DroolsInternals.hasNoConditions finds no rule without conditions in "
                + "the shipped ruleset: ConstantRules would run every parameter row in every decision");
        List<String> notPlain = withoutConditions.stream().filter(r -> !DroolsInternals.firesPlainly(r))
                .map(Rule::getName).toList();
        assertEquals(List.of(), notPlain, "rules of the shipped parameter tables no longer read as plain: "
                + "ConstantRules gives up on all of them");

        // Cross-checked with the public API: a rule that truly has no conditions fires in a session with no facts.
        Set<String> firedWithoutFacts = new HashSet<>();
        KieSession empty = ruleset.kieBase().newKieSession();
        try {
            empty.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firedWithoutFacts.add(event.getMatch().getRule().getName());
                }
            });
            empty.fireAllRules(10_000);
        } finally {
            empty.dispose();
        }
        List<String> silent = withoutConditions.stream().map(Rule::getName).filter(n -> !firedWithoutFacts.contains(n)).toList();
        assertEquals(List.of(), silent, "DroolsInternals.hasNoConditions takes rules with conditions for rules without");
        assertEquals(withoutConditions.size(), ConstantRules.of(ruleset).size(),
                "ConstantRules no longer keeps every rule without conditions of the shipped ruleset");
    }
}
