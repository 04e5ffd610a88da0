package org.autocollections.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.Ruleset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The golden corpus: cases with the decisions a collections expert expects, in src/main/resources/corpus/cases (the
 * service ships it, for the regression runs of a candidate ruleset: org.autocollections.regression). Each file
 * holds a {@code case} (or a {@code base} file and a JSON merge patch {@code merge} on it), and {@code expect}: JSON
 * pointers into the decision with the value each must have, plus {@code reasonCodes} that must all be present.
 * The last test fails if any rule or table row of the shipped policy is exercised by no case.
 */
@QuarkusTest
class GoldenCorpusTest {

    static final Path CASES = Path.of("src/main/resources/corpus/cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ActiveRuleset active;

    @TestFactory
    Stream<DynamicTest> everyCaseGetsTheExpectedDecisionAndEveryRuleIsExercised() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CASES)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Set<String> exercised = new TreeSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file, exercised)));
        }
        tests.add(DynamicTest.dynamicTest("the corpus has at least 80 cases", () -> assertThat(files).hasSizeGreaterThanOrEqualTo(80)));
        tests.add(DynamicTest.dynamicTest("every rule and table row is exercised", () -> {
            Set<String> never = new TreeSet<>(allSources(active.current()));
            never.removeAll(exercised);
            assertThat(never).as("rules and table rows no corpus case fires").isEmpty();
        }));
        return tests.stream();
    }

    private static void check(Path file, Set<String> exercised) throws IOException {
        JsonNode spec = JSON.readTree(file.toFile());
        JsonNode request = requestOf(spec);
        assertThat(request.path("asOf").isTextual()).as("every corpus case fixes its asOf").isTrue();
        String body = given().contentType(ContentType.JSON).body(request.toString())
                .when().post("/api/v1/decisions")
                .then().statusCode(200).extract().asString();
        JsonNode decision = JSON.readTree(body);
        decision.path("rulesFired").forEach(r -> exercised.add(r.path("source").asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("expect").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> expected = it.next();
            if (expected.getKey().equals("reasonCodes")) {
                List<String> codes = new ArrayList<>();
                decision.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
                List<String> wanted = new ArrayList<>();
                expected.getValue().forEach(c -> wanted.add(c.asText()));
                assertThat(codes).as(file.getFileName() + ": reason codes").containsAll(wanted);
                continue;
            }
            JsonNode actual = decision.at(expected.getKey());
            assertThat(same(actual, expected.getValue()))
                    .as("%s: %s is %s, expected %s", file.getFileName(), expected.getKey(), actual, expected.getValue())
                    .isTrue();
        }
    }

    /** Numbers compare by value (54.8 equals 54.80), everything else exactly; a missing node equals null. */
    private static boolean same(JsonNode actual, JsonNode expected) {
        if (expected.isNull()) {
            return actual.isMissingNode() || actual.isNull();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }

    static JsonNode requestOf(JsonNode spec) {
        if (spec.has("case")) {
            return spec.get("case");
        }
        try {
            JsonNode base = JSON.readTree(Path.of(spec.path("base").asText()).toFile());
            return merge(base.deepCopy(), spec.path("merge"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : JSON.createObjectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
            }
        });
        return result;
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
