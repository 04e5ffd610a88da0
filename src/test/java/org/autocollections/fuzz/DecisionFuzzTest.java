package org.autocollections.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.autocollections.fuzz.Fuzzer.Answer;
import org.autocollections.fuzz.Fuzzer.Outcome;
import org.autocollections.fuzz.Fuzzer.Request;
import org.autocollections.fuzz.Mutations.Applied;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Thousands of generated requests to {@code POST /api/v1/decisions} and {@code /batch}: each a valid case mutated in
 * one to three fields, or a body that is not a case at all. Each must be decided or refused with a problem naming
 * the field at fault; none may fail with a 5xx. The number scales with {@code -Dfuzz.tries}.
 */
@QuarkusTest
class DecisionFuzzTest {

    private static final String DECISIONS = "/api/v1/decisions";
    private static final Mutations MUTATIONS = new Mutations(CaseSchema.CASE);

    /** A valid case, mutated: most often in one field (so the problem must name it), sometimes in up to three. */
    static Request mutatedCase(String path, Random random) {
        ObjectNode c = CaseSchema.fullCase("FUZZ-" + random.nextInt(1_000_000));
        Applied applied = random.nextInt(4) == 0 ? MUTATIONS.mutateSome(c, random, 3) : MUTATIONS.mutate(c, random);
        return Request.json(applied.description(), "POST", path, Fuzzer.write(c, random), applied.outcome(), applied.field());
    }

    @Test
    void mutatedCasesAreDecidedOrRefusedNamingTheField() {
        Fuzzer fuzzer = Fuzzer.named("mutated cases");
        fuzzer.run(Fuzzer.share(0.40), random -> mutatedCase(DECISIONS, random), DecisionFuzzTest::decidedInFull);
        fuzzer.assertNoFailures();
    }

    @Test
    void malformedBodiesAreRefusedAsProblems() {
        Fuzzer fuzzer = Fuzzer.named("malformed decision bodies");
        String valid = CaseSchema.fullCase("FUZZ-MALFORMED").toString();
        fuzzer.run(Fuzzer.share(0.12), random -> MalformedBodies.of("POST", DECISIONS, valid, random), null);
        fuzzer.assertNoFailures();
    }

    /** A decision (200) names its case, its ruleset and its next action. */
    static String decidedInFull(Request request, Answer answer) {
        if (answer.status() != 200) {
            return null;
        }
        JsonNode d = answer.json();
        if (d == null || !d.path("decisionId").isTextual() || !d.path("nextAction").path("type").isTextual()
                || !d.path("overdue").path("bucket").isTextual()) {
            return "a 200 that is not a full decision";
        }
        return null;
    }

    // ---- batches ----------------------------------------------------------------------------------------------

    @Test
    void batchesAnswerEveryCaseInItsOwnEntry() {
        Fuzzer fuzzer = Fuzzer.named("batches");
        java.util.Map<Request, List<Request>> sent = new java.util.IdentityHashMap<>();
        fuzzer.run(Fuzzer.share(0.04), random -> {
            int kind = random.nextInt(10);
            if (kind == 0) {
                return tooSmallOrTooLarge(random);
            }
            if (kind == 1) {
                return MalformedBodies.of("POST", DECISIONS + "/batch",
                        "{\"cases\":[" + CaseSchema.fullCase("B") + "]}", random);
            }
            int size = 1 + random.nextInt(12);
            List<Request> cases = new ArrayList<>();
            ArrayNode array = Fuzzer.JSON.createArrayNode();
            for (int i = 0; i < size; i++) {
                Request one = random.nextInt(3) == 0 ? valid(random) : random.nextInt(8) == 0 ? notAnObject(random)
                        : mutatedCase(DECISIONS, random);
                cases.add(one);
                array.add(Fuzzer.parse(one.body()));
            }
            ObjectNode body = Fuzzer.JSON.createObjectNode();
            body.set("cases", array);
            Request batch = Request.json(size + " cases", "POST", DECISIONS + "/batch", Fuzzer.write(body, random),
                    Outcome.ACCEPTED, null);
            sent.put(batch, cases);
            return batch;
        }, (request, answer) -> answer.status() == 200 && sent.containsKey(request) ? entries(request, answer, sent.get(request)) : null);
        fuzzer.assertNoFailures();
    }

    private static Request valid(Random random) {
        return Request.json("valid", "POST", DECISIONS, CaseSchema.fullCase("OK-" + random.nextInt(1000)).toString(),
                Outcome.ACCEPTED, null);
    }

    private static Request notAnObject(Random random) {
        String value = Fuzzer.draw(net.jqwik.api.Arbitraries.of("null", "1", "\"CASE\"", "[]", "true", "[{}]", "{}"), random);
        return Request.json("case " + value, "POST", DECISIONS, value, Outcome.REFUSED, value.equals("{}") ? "caseId" : "");
    }

    private static Request tooSmallOrTooLarge(Random random) {
        String one = CaseSchema.fullCase("X").toString();
        String body = Fuzzer.draw(net.jqwik.api.Arbitraries.of(
                "{\"cases\":[]}",
                "{\"cases\":[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]}",
                "{\"cases\":[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}",
                "{\"cases\":null}", "{\"cases\":{}}", "{\"cases\":\"" + one.replace("\"", "\\\"") + "\"}", "{\"cases\":1}",
                "{}", "{\"items\":[" + one + "]}", "[" + one + "]", "{\"Cases\":[" + one + "]}"),
                random);
        return Request.json("batch " + Fuzzer.cut(body, 60), "POST", DECISIONS + "/batch", body, Outcome.REFUSED, "cases");
    }

    /** Each case of a batch gets its entry, in order: a decision, or a problem of its own naming the field. */
    private static String entries(Request batch, Answer answer, List<Request> cases) {
        JsonNode results = answer.json().path("results");
        if (results.size() != cases.size()) {
            return results.size() + " entries for " + cases.size() + " cases";
        }
        int decided = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonNode entry = results.get(i);
            Request c = cases.get(i);
            if (entry.path("index").asInt(-1) != i) {
                return "entry " + i + " has index " + entry.path("index");
            }
            if (entry.has("decision") == entry.has("problem")) {
                return "entry " + i + " has " + (entry.has("decision") ? "both a decision and a problem" : "neither decision nor problem");
            }
            if (entry.has("decision")) {
                decided++;
                if (c.outcome() == Outcome.REFUSED) {
                    return "case " + i + " [" + c.description() + "] was decided although it should have been refused";
                }
                continue;
            }
            JsonNode problem = entry.get("problem");
            if (c.outcome() == Outcome.ACCEPTED) {
                return "case " + i + " [" + c.description() + "] was refused although it is valid: " + problem;
            }
            if (problem.path("status").asInt() != 400 || !problem.path("errors").isArray() || problem.path("errors").isEmpty()) {
                return "case " + i + " [" + c.description() + "] got a problem without status 400 and errors: " + problem;
            }
            if (c.field() != null && !c.field().isEmpty() && !Fuzzer.names(problem, c.field())) {
                return "case " + i + " [" + c.description() + "] got a problem that does not name " + c.field() + ": " + problem;
            }
            if (!problem.path("instance").asText().endsWith("/batch#/cases/" + i)) {
                return "case " + i + " got a problem whose instance is " + problem.path("instance");
            }
        }
        if (answer.json().path("decided").asInt(-1) != decided || answer.json().path("failed").asInt(-1) != cases.size() - decided) {
            return "the counts decided/failed do not match the entries";
        }
        return null;
    }
}
