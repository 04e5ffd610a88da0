package org.autocollections.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.autocollections.regression.Mismatch;
import org.autocollections.regression.GoldenCorpus;
import org.autocollections.regression.RegressionCase;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.Ruleset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The golden corpus: cases with the decisions a collections expert expects, in src/main/resources/corpus/cases (the
 * service ships it, for the regression runs of a candidate ruleset: org.autocollections.regression). Each file
 * holds a {@code case} (or a {@code base} file and a JSON merge patch {@code merge} on it), and {@code expect}: JSON
 * pointers into the decision with the value each must have, and the decision's exact {@code reasonCodes}, compared
 * strictly (org.autocollections.regression.Expectation).
 * The last test fails if any rule or table row of the shipped policy is exercised by no case.
 */
@QuarkusTest
class GoldenCorpusTest {

    static final Path CASES = Path.of("src/main/resources/corpus/cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ActiveRuleset active;

    @Inject
    GoldenCorpus corpus;

    @TestFactory
    Stream<DynamicTest> everyCaseGetsTheExpectedDecisionAndEveryRuleIsExercised() {
        List<RegressionCase> cases = corpus.cases();
        Set<String> exercised = new TreeSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (RegressionCase c : cases) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, exercised)));
        }
        tests.add(DynamicTest.dynamicTest("the corpus has at least 80 cases", () -> assertThat(cases).hasSizeGreaterThanOrEqualTo(80)));
        tests.add(DynamicTest.dynamicTest("every rule and table row is exercised", () -> {
            Set<String> never = new TreeSet<>(allSources(active.current()));
            never.removeAll(exercised);
            assertThat(never).as("rules and table rows no corpus case fires").isEmpty();
        }));
        return tests.stream();
    }

    /** Over HTTP with the full trace, as an analyst would ask; the expectations compare as the regression run compares them. */
    private static void check(RegressionCase c, Set<String> exercised) throws IOException {
        assertThat(c.request().path("asOf").isTextual()).as("every corpus case fixes its asOf").isTrue();
        String body = given().contentType(ContentType.JSON).body(c.request().toString())
                .when().post("/api/v1/decisions?trace=full")
                .then().statusCode(200).extract().asString();
        JsonNode decision = JSON.readTree(body);
        decision.path("rulesFired").forEach(r -> exercised.add(r.path("source").asText()));
        List<String> mismatches = c.expectations().stream().flatMap(e -> e.mismatch(decision).stream())
                .map(Mismatch::message).toList();
        assertThat(mismatches).as("%s differs from its expectations", c.name()).isEmpty();
    }

    static Set<String> allSources(Ruleset ruleset) {
        Set<String> sources = new TreeSet<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                sources.add(ruleset.attribution(rule).source());
            }
        }
        return sources;
    }
}
