package org.autocollections.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.autocollections.http.JsonSetup;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.engine.Engines;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCache;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.ruleset.RulesetSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;


/** What the benchmarks share: the shipped policy files, the case variants, and a DecisionEngine built by hand. */
final class BenchSupport {

    /** Case variants in src/bench/resources/cases (m2: docs/examples/case-m2.json), with the bucket each must land in. */
    static final List<String> VARIANTS = List.of("current", "m1", "m2", "m5");

    /**
     * JVM arguments that give a benchmark the service's log levels. Outside a started Quarkus application the JBoss
     * log manager keeps Quarkus' initial configuration, which enables every level (ALL) and buffers the records until
     * an application starts: Drools' trace logging of every propagation and firing is then formatted and kept, which
     * costs a decision several times its own work (about 1 MB of garbage per decision). The service runs at INFO.
     */
    static final String SERVICE_LOGGING = "-Dlogging.initial-configurator.min-level=INFO";

    private BenchSupport() {
    }

    /**
     * The shipped ruleset: rules/ and decision-tables/ under the folder named by -Dbench.policy.root (default: the
     * working directory, which bench/*.sh set to the repository top). Folders are explicit, so a missing one fails.
     */
    static List<PolicyFile> shippedPolicy() {
        Path root = Path.of(System.getProperty("bench.policy.root", "."));
        RulesetSource.Loaded loaded = new RulesetSource(root.resolve("rules"), root.resolve("decision-tables"), true).load();
        if (loaded.files().isEmpty()) {
            throw new IllegalStateException("No policy files under " + root.toAbsolutePath());
        }
        return loaded.files();
    }

    /**
     * Compiles the files; with -Dbench.ruleset.cache=DIR through that folder of compiled rulesets, as the service does,
     * so a second run decides with a ruleset loaded as compiled before.
     */
    static Ruleset compile(RuleModel model, List<PolicyFile> files) {
        String cacheDir = System.getProperty("bench.ruleset.cache");
        RulesetCompiler compiler = cacheDir == null ? new RulesetCompiler(model)
                : new RulesetCompiler(model, new RulesetCache(Path.of(cacheDir), 20));
        try {
            Ruleset ruleset = compiler.compile("bench", files, Instant.EPOCH);
            System.err.printf("Ruleset %s %s in %d ms%n", ruleset.version(),
                    ruleset.fromCache() ? "loaded as compiled before" : "compiled", ruleset.compileMillis());
            return ruleset;
        } catch (RulesetCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Reads a case as the service does: strict Jackson settings of CaseReader plus the mapper tweaks of JsonSetup. */
    static CollectionCase readCase(String variant) {
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        new JsonSetup().customize(json);
        ObjectReader reader = json.readerFor(CollectionCase.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // The M2 case is the documented example (docs/examples/case-m2.json, put on the class path by the build), so the
        // benchmarks measure the case the README and the OpenAPI document show, not a copy of it.
        String resource = variant.equals("m2") ? "/META-INF/resources/examples/case-m2.json" : "/cases/" + variant + ".json";
        try (InputStream in = BenchSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No case variant " + variant + "; known: " + VARIANTS);
            }
            return reader.readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DecisionEngine engine(RuleModel model) {
        return Engines.engine(Clock.systemUTC(), model);
    }

    static PolicyConfig config(RuleModel model) {
        return Engines.config(model);
    }

    /** Fails the trial if a variant does not decide as expected: a benchmark of wrong answers is worthless. */
    static void check(String variant, Decision decision) {
        String expected = switch (variant) {
            case "current" -> "M0";
            case "m1" -> "M1";
            case "m2" -> "M2";
            case "m5" -> "M5";
            default -> null;
        };
        String bucket = decision.overdue() == null ? null : decision.overdue().bucket();
        if (expected != null && !expected.equals(bucket)) {
            throw new IllegalStateException("Case " + variant + " landed in bucket " + bucket + ", expected " + expected);
        }
        if (decision.nextAction() == null) {
            throw new IllegalStateException("Case " + variant + " got no next action");
        }
    }

    static String summary(Decision d) {
        return "bucket=" + (d.overdue() == null ? null : d.overdue().bucket())
                + " class=" + (d.overdue() == null ? null : d.overdue().classification())
                + " penalty=" + (d.overdue() == null ? null : d.overdue().penaltyInterest())
                + " next=" + d.nextAction().type() + " reasons=" + d.reasons().size() + " fired=" + d.rulesFired().size();
    }
}
