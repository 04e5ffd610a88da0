package org.autocollections.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.ruleset.RulesetSource;

/** The service's decision engine and shipped ruleset, built without the application around them. */
public final class Engines {

    private Engines() {
    }

    public static DecisionEngine engine(Clock clock) {
        return engine(clock, RuleModel.EXECUTABLE);
    }

    /** The engine as the service builds it, with only the rule model chosen. */
    public static DecisionEngine engine(Clock clock, RuleModel model) {
        DecisionEngine engine = new DecisionEngine();
        engine.clock = clock;
        engine.config = config(model);
        return engine;
    }

    /** Policy configuration with its defaults but the rule model. */
    public static PolicyConfig config(RuleModel model) {
        return new PolicyConfig() {
            @Override
            public Optional<Path> rulesDir() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> tablesDir() {
                return Optional.empty();
            }

            @Override
            public RuleModel model() {
                return model;
            }

            @Override
            public int maxFirings() {
                return 10_000;
            }

            @Override
            public Watch watch() {
                return Watch.OFF;
            }
        };
    }

    /** The ruleset shipped in rules/ and decision-tables/. */
    public static Ruleset shippedRuleset() {
        return shippedRuleset(RuleModel.EXECUTABLE);
    }

    /** The ruleset shipped in rules/ and decision-tables/, compiled with the given rule model. */
    public static Ruleset shippedRuleset(RuleModel model) {
        RulesetSource.Loaded loaded = new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load();
        try {
            return new RulesetCompiler(model).compile(loaded.origin(), loaded.files(), Instant.EPOCH);
        } catch (RulesetCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
