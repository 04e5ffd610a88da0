package org.autocollections.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validation;

import org.autocollections.api.CaseReader;
import org.autocollections.api.Decision;
import org.autocollections.http.JsonSetup;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.engine.Engines;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.ruleset.RulesetSource;
import org.autocollections.tables.PolicyFile;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The English wording of every reason the golden corpus gives, byte for byte as the service worded it before the
 * wording moved out of the code into the policy's wording file (src/test/resources/wording/english-reasons.txt was
 * written by the code that still held it).
 */
class EnglishWordingTest {

    static final Path EXPECTED = Path.of("src/test/resources/wording/english-reasons.txt");

    @Test
    void everyCorpusReasonIsWordedInEnglishExactlyAsBefore() throws Exception {
        if (Boolean.getBoolean("wording.record")) {
            Files.writeString(EXPECTED, String.join("\n", corpusReasons()) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(String.join("\n", corpusReasons()) + "\n").isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    }

    /** One line per reason of every corpus case: case, code, source and message, in the decision's order. */
    static List<String> corpusReasons() throws Exception {
        ObjectMapper json = json();
        CaseReader reader = reader(json);
        DecisionEngine engine = engine();
        Ruleset ruleset = compile(new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files());
        List<String> lines = new ArrayList<>();
        for (RegressionCase c : corpus(json).cases()) {
            for (Decision.Reason r : engine.decide(reader.read(c.request()), ruleset).reasons()) {
                lines.add(c.name() + "\t" + r.code() + "\t" + r.source() + "\t" + r.message());
            }
        }
        return lines;
    }

    static ObjectMapper json() {
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        new JsonSetup().customize(json);
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return json;
    }

    static CaseReader reader(ObjectMapper json) {
        return new CaseReader(json, Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    }

    /** The engine on the corpus's clock. */
    static DecisionEngine engine() {
        return Engines.engine(Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC));
    }

    static Ruleset compile(List<PolicyFile> files) throws Exception {
        return new RulesetCompiler(RuleModel.EXECUTABLE).compile("test", files, Instant.EPOCH);
    }

    static GoldenCorpus corpus(ObjectMapper json) {
        GoldenCorpus corpus = new GoldenCorpus();
        corpus.json = json;
        return corpus;
    }
}
