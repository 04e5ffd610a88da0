package org.autocollections.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.autocollections.ConfigMappings;
import org.autocollections.api.CollectionCase;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCache;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.ruleset.RulesetSource;

import com.fasterxml.jackson.databind.json.JsonMapper;

/** The service's decision engine and shipped ruleset, built without the application around them. */
public final class Engines {

    private static final Map<RuleModel, Ruleset> SHIPPED = new EnumMap<>(RuleModel.class);
    /** The folder of compiled rulesets every test JVM shares, as %test.collections.policy.cache-dir names it. */
    public static final Path TEST_CACHE = Path.of("target/ruleset-cache");

    private Engines() {
    }

    public static DecisionEngine engine(Clock clock) {
        return engine(clock, RuleModel.EXECUTABLE);
    }

    /** The engine as the service builds it, with only the rule model chosen. */
    public static DecisionEngine engine(Clock clock, RuleModel model) {
        return engine(clock, config(model, ZoneId.of(PolicyConfig.DEFAULT_ZONE)));
    }

    /** The engine as the service builds it with the given configuration. */
    public static DecisionEngine engine(Clock clock, PolicyConfig config) {
        DecisionEngine engine = new DecisionEngine();
        engine.clock = clock;
        engine.config = config;
        return engine;
    }

    /**
     * Policy configuration with its defaults but the rule model and the zone of cases that name none, read as the
     * service reads it (so a default changed there is the tests' default too); no watch mode, and the tests' shared
     * ruleset cache.
     */
    public static PolicyConfig config(RuleModel model, ZoneId defaultZone) {
        return ConfigMappings.read(PolicyConfig.class, Map.of(
                "collections.policy.model", model.name(),
                "collections.policy.default-zone", defaultZone.getId(),
                "collections.policy.watch", "off",
                "collections.policy.cache-dir", TEST_CACHE.toString()));
    }

    /** The example case of docs/examples, as the service reads it. */
    public static CollectionCase exampleCase() {
        try {
            return JsonMapper.builder().findAndAddModules().build()
                    .readValue(Path.of("docs/examples/case-m2.json").toFile(), CollectionCase.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ruleset shipped in rules/ and decision-tables/. */
    public static Ruleset shippedRuleset() {
        return shippedRuleset(RuleModel.EXECUTABLE);
    }

    /**
     * The ruleset shipped in rules/ and decision-tables/, compiled with the given rule model once for all the tests of
     * a run (a ruleset is shared by every decision in the service too).
     */
    public static synchronized Ruleset shippedRuleset(RuleModel model) {
        return SHIPPED.computeIfAbsent(model, Engines::compileShipped);
    }

    private static Ruleset compileShipped(RuleModel model) {
        RulesetSource.Loaded loaded = new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load();
        try {
            return new RulesetCompiler(model, new RulesetCache(TEST_CACHE, 20)).compile(loaded.origin(), loaded.files(), Instant.EPOCH);
        } catch (RulesetCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
