package org.autocollections.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Validation;

import org.autocollections.api.CaseReader;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.engine.Engines;
import org.autocollections.http.JsonSetup;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCache;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.ruleset.RulesetSource;
import org.autocollections.tables.PolicyFile;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.autocollections.DatabaseFree;

/** The golden corpus through the shipped policy as a restart loads it from the folder of compiled rulesets. */
@DatabaseFree
class CompiledRulesetCorpusTest {

    @TempDir
    Path dir;

    private RulesetCompiler compiler() {
        return new RulesetCompiler(RuleModel.EXECUTABLE, new RulesetCache(dir, 20));
    }

    @Test
    void theShippedPolicyLoadedAsCompiledBeforeDecidesEveryCorpusCaseExactlyAsItsCompileDid() throws Exception {
        List<PolicyFile> shipped = new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files();
        Ruleset compiled = compiler().compile("compiled", shipped, Instant.EPOCH);
        Ruleset loaded = compiler().compile("loaded", shipped, Instant.EPOCH);

        assertThat(compiled.fromCache()).isFalse();
        assertThat(loaded.fromCache()).as("the second start loads the version compiled by the first").isTrue();
        assertThat(loaded.version()).isEqualTo(compiled.version());
        assertThat(loaded.ruleCount()).isEqualTo(compiled.ruleCount());
        assertThat(loaded.warnings()).isEqualTo(compiled.warnings());
        assertThat(sources(loaded)).as("every rule still names its file and line, or table and row")
                .isEqualTo(sources(compiled)).hasSize(compiled.ruleCount());

        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        new JsonSetup().customize(json);
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CaseReader reader = new CaseReader(json, Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        DecisionEngine engine = Engines.engine(Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC));
        GoldenCorpus corpus = new GoldenCorpus();
        corpus.json = json;
        List<String> differing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<RegressionCase> cases = corpus.cases();
        for (RegressionCase c : cases) {
            JsonNode fromCompile = decide(json, engine, reader, c, compiled);
            JsonNode fromCache = decide(json, engine, reader, c, loaded);
            if (!fromCache.equals(fromCompile)) {
                differing.add(c.name());
            }
            c.expectations().stream().flatMap(e -> e.mismatch(fromCache).stream()).map(Mismatch::message)
                    .forEach(m -> unexpected.add(c.name() + ": " + m));
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        assertThat(differing).as("cases decided differently, fired rules included, by the loaded ruleset").isEmpty();
        assertThat(unexpected).as("corpus expectations the loaded ruleset misses").isEmpty();
    }

    private static JsonNode decide(ObjectMapper json, DecisionEngine engine, CaseReader reader, RegressionCase c, Ruleset ruleset) {
        ObjectNode decision = json.valueToTree(engine.decide(reader.read(c.request()), ruleset));
        decision.put("decisionId", "-");
        return decision;
    }

    private static Set<String> sources(Ruleset ruleset) {
        Set<String> sources = new TreeSet<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                sources.add(rule.getPackageName() + "/" + rule.getName() + " @ " + ruleset.attribution(rule).source());
            }
        }
        return sources;
    }
}
