package org.autocollections.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.autocollections.fuzz.Fuzzer.Answer;
import org.autocollections.fuzz.Fuzzer.Expected;
import org.autocollections.fuzz.Fuzzer.Request;
import org.autocollections.fuzz.Mutations.Applied;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Thousands of generated requests to {@code POST /api/v1/decisions} and {@code /batch}: each a valid case mutated in
 * one to three fields, or a body that is not a case at all, with the one answer it must get: a decision, or a
 * problem naming exactly the fields at fault. The number scales with {@code -Dfuzz.tries}.
 */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class DecisionFuzzTest {

    private static final String DECISIONS = "/api/v1/decisions";
    private static final Mutations MUTATIONS = new Mutations(CaseSchema.CASE);

    /** A valid case, mutated: most often in one field (so the problem must name it), sometimes in up to three. */
    static Request mutatedCase(String path, Random random) {
        ObjectNode c = CaseSchema.fullCase("FUZZ-" + random.nextInt(1_000_000));
        Applied applied = random.nextInt(4) == 0 ? MUTATIONS.mutateSome(c, random, 3) : MUTATIONS.mutate(c, random);
        return Request.json(applied.description(), "POST", path, Fuzzer.write(c, random), applied.expected());
    }

    @Test
    void mutatedCasesAreDecidedOrRefusedNamingTheField() {
        Fuzzer fuzzer = Fuzzer.named("mutated cases");
        fuzzer.run(Fuzzer.share(0.46), random -> mutatedCase(DECISIONS, random), DecisionFuzzTest::decidedInFull);
        fuzzer.assertNoFailures();
    }

    @Test
    void malformedBodiesAreRefusedAsProblems() {
        Fuzzer fuzzer = Fuzzer.named("malformed decision bodies");
        String valid = CaseSchema.fullCase("FUZZ-MALFORMED").toString();
        fuzzer.run(Fuzzer.share(0.08), random -> MalformedBodies.of("POST", DECISIONS, MalformedBodies.Target.ofCase(valid, List.of("caseId", "borrower", "loan")), random), null);
        fuzzer.assertNoFailures();
    }

    /** A valid case gets a 200 with a decision: its case, its ruleset, its next action and its overdue bucket. */
    static String decidedInFull(Request request, Answer answer) {
        if (!request.expected().taken()) {
            return null;
        }
        if (answer.status() != 200) {
            return "a " + answer.status() + " where a decision (200) was due";
        }
        return decision(answer.json(), Fuzzer.parse(request.body()));
    }

    /** What is wrong with a decision of the case, or null. */
    static String decision(JsonNode d, JsonNode request) {
        if (d == null || !d.path("decisionId").isTextual() || !d.path("rulesetVersion").isTextual()
                || !d.path("nextAction").path("type").isTextual() || !d.path("overdue").path("bucket").isTextual()
                || !d.path("caseId").isTextual()) {
            return "not a full decision (decisionId, rulesetVersion, nextAction.type, overdue.bucket, caseId)";
        }
        String caseId = request.path("caseId").asText();
        if (!Fuzzer.hasLoneSurrogate(caseId) && !d.path("caseId").asText().equals(caseId)) {
            return "a decision of case " + d.path("caseId") + ", not of " + caseId;
        }
        return null;
    }

    // ---- valid but extreme --------------------------------------------------------------------------------------

    private static final String MAX = "999999999999.99";

    /** Cases at the edges of what the schema allows: each must be decided, not refused and not a failure. */
    private static final List<Map.Entry<String, java.util.function.Consumer<ObjectNode>>> EXTREMES = List.of(
            Map.entry("every amount at the maximum", c -> {
                for (String f : List.of("outstandingBalance", "overdueAmount", "monthlyInstalment")) {
                    loan(c).put(f, new java.math.BigDecimal(MAX));
                }
                borrower(c).put("monthlyIncome", new java.math.BigDecimal(MAX)).put("monthlyDebtPayments", new java.math.BigDecimal(MAX));
                ((ObjectNode) c.get("collateral")).put("vehicleValue", new java.math.BigDecimal(MAX));
            }),
            Map.entry("every amount zero", c -> {
                for (String f : List.of("outstandingBalance", "overdueAmount", "monthlyInstalment")) {
                    loan(c).put(f, 0);
                }
                borrower(c).put("monthlyIncome", 0).put("monthlyDebtPayments", 0);
                ((ObjectNode) c.get("collateral")).put("vehicleValue", 0);
            }),
            Map.entry("a car worth nothing", c -> ((ObjectNode) c.get("collateral")).put("vehicleValue", 0)),
            Map.entry("no income", c -> borrower(c).put("monthlyIncome", 0)),
            Map.entry("the maximum balance, a cent overdue", c -> loan(c).put("outstandingBalance", new java.math.BigDecimal(MAX)).put("overdueAmount", 0.01)),
            Map.entry("30,000 days past due", c -> loan(c).put("oldestUnpaidDueDate", "1944-12-21")),
            Map.entry("due on 0001-01-01", c -> loan(c).put("oldestUnpaidDueDate", "0001-01-01")),
            Map.entry("due in year 9999 (not yet due)", c -> loan(c).put("oldestUnpaidDueDate", "9999-12-31")),
            Map.entry("asOf in year 9999", c -> c.put("asOf", "9999-12-31T23:59:59Z")),
            Map.entry("asOf at the last instant of 9999", c -> c.put("asOf", "9999-12-31T23:59:59.999999999Z")),
            Map.entry("asOf at the first instant of year 1", c -> c.put("asOf", "0001-01-01T00:00:00Z")),
            Map.entry("asOf before every date of the case", c -> c.put("asOf", "1990-01-01T00:00:00Z")),
            Map.entry("5,000 contacts", c -> contacts(c, 5000, i -> "2026-11-" + (10 + i % 18) + "T10:00:00+08:00")),
            Map.entry("5,000 contacts at the same instant", c -> contacts(c, 5000, i -> "2026-11-28T23:59:59+08:00")),
            Map.entry("500 plans and 500 legal actions", c -> {
                ArrayNode plans = ((ObjectNode) c.get("history")).putArray("plans");
                ArrayNode legal = ((ObjectNode) c.get("history")).putArray("legalActions");
                for (int i = 0; i < 500; i++) {
                    plans.addObject().put("type", "CATCH_UP").put("startedOn", "2026-0" + (1 + i % 9) + "-01").put("status", "BROKEN");
                    legal.addObject().put("stage", i % 2 == 0 ? "JUDGMENT" : "ENFORCEMENT").put("on", "2026-0" + (1 + i % 9) + "-15");
                }
            }),
            Map.entry("1,000 broken promises", c -> ((ObjectNode) c.get("history")).put("brokenPromises", 1000)),
            Map.entry("a rate of 100 %", c -> loan(c).put("annualInterestRate", 1)),
            Map.entry("a rate with 30 decimals", c -> loan(c).put("annualInterestRate", new java.math.BigDecimal("0.068000000000000000000000000001"))),
            Map.entry("the lowest and highest scores and terms", c -> {
                borrower(c).put("creditScore", 300);
                loan(c).put("remainingTermMonths", 600);
            }),
            Map.entry("every flag", c -> {
                ArrayNode flags = borrower(c).putArray("flags");
                for (org.autocollections.api.BorrowerFlag flag : org.autocollections.api.BorrowerFlag.values()) {
                    flags.add(flag.name());
                }
            }),
            Map.entry("a US borrower on Kiritimati (+14)", c -> {
                c.put("jurisdiction", "US");
                borrower(c).put("timeZone", "Pacific/Kiritimati");
            }),
            Map.entry("a US borrower at GMT-12", c -> {
                c.put("jurisdiction", "US");
                borrower(c).put("timeZone", "Etc/GMT+12");
            }),
            Map.entry("a caseId of 64 characters", c -> c.put("caseId", "C".repeat(64))),
            Map.entry("a caseId of emoji and right-to-left text", c -> c.put("caseId", "\uD83D\uDE97\u05D0\u202Ex")),
            Map.entry("a minimal case", c -> {
                c.retain("caseId", "borrower", "loan");
                c.set("borrower", Fuzzer.JSON.createObjectNode());
                ((ObjectNode) c.get("loan")).retain("outstandingBalance", "overdueAmount");
            }));

    @Test
    void validExtremeCasesAreDecided() {
        Fuzzer fuzzer = Fuzzer.named("valid extreme cases");
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        fuzzer.run(EXTREMES.size(), random -> {
            Map.Entry<String, java.util.function.Consumer<ObjectNode>> extreme = EXTREMES.get(next.getAndIncrement());
            ObjectNode c = CaseSchema.fullCase("EXTREME-" + next.get());
            extreme.getValue().accept(c);
            return Request.json(extreme.getKey(), "POST", DECISIONS, Fuzzer.write(c, random), Expected.accepted());
        }, DecisionFuzzTest::decidedInFull);
        fuzzer.assertNoFailures();
    }

    private static ObjectNode loan(ObjectNode c) {
        return (ObjectNode) c.get("loan");
    }

    private static ObjectNode borrower(ObjectNode c) {
        return (ObjectNode) c.get("borrower");
    }

    private static void contacts(ObjectNode c, int count, java.util.function.IntFunction<String> at) {
        ArrayNode contacts = ((ObjectNode) c.get("history")).putArray("contacts");
        String[] channels = { "PHONE", "SMS", "EMAIL", "FIELD_VISIT", "LETTER" };
        String[] outcomes = { "NO_ANSWER", "CONTACTED", "PROMISE_TO_PAY", "REFUSED", "WRONG_NUMBER", "DELIVERED" };
        for (int i = 0; i < count; i++) {
            contacts.addObject().put("at", at.apply(i)).put("channel", channels[i % 5]).put("outcome", outcomes[(i / 5) % 6]);
        }
    }

    // ---- batches ----------------------------------------------------------------------------------------------

    @Test
    void batchesAnswerEveryCaseInItsOwnEntry() {
        Fuzzer fuzzer = Fuzzer.named("batches");
        java.util.Map<Request, List<Request>> sent = new java.util.IdentityHashMap<>();
        fuzzer.run(Fuzzer.share(0.015), random -> {
            int kind = random.nextInt(10);
            if (kind == 0) {
                return tooSmallOrTooLarge(random);
            }
            if (kind == 1) {
                return MalformedBodies.of("POST", DECISIONS + "/batch",
                        MalformedBodies.Target.batch("{\"cases\":[" + CaseSchema.fullCase("B") + "]}"), random);
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
                    Expected.accepted());
            sent.put(batch, cases);
            return batch;
        }, (request, answer) -> sent.containsKey(request) ? entries(answer, sent.get(request)) : null);
        fuzzer.assertNoFailures();
    }

    private static Request valid(Random random) {
        return Request.json("valid", "POST", DECISIONS, CaseSchema.fullCase("OK-" + random.nextInt(1000)).toString(),
                Expected.accepted());
    }

    private static Request notAnObject(Random random) {
        String value = Fuzzer.draw(net.jqwik.api.Arbitraries.of("null", "1", "\"CASE\"", "[]", "true", "[{}]", "{}"), random);
        return Request.json("case " + value, "POST", DECISIONS, value,
                Expected.refused(value.equals("{}") ? List.of("caseId", "borrower", "loan") : List.of("")));
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
        return Request.json("batch " + Fuzzer.cut(body, 60), "POST", DECISIONS + "/batch", body, Expected.refused("cases"));
    }

    /** Each case of a batch gets its entry, in order: a decision, or a problem of its own naming the field. */
    private static String entries(Answer answer, List<Request> cases) {
        JsonNode results = answer.json().path("results");
        if (results.size() != cases.size()) {
            return results.size() + " entries for " + cases.size() + " cases";
        }
        int decided = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonNode entry = results.get(i);
            Request c = cases.get(i);
            String wrong = entry(i, entry, c);
            if (wrong != null) {
                return "case " + i + " [" + c.description() + "] " + wrong;
            }
            decided += entry.has("decision") ? 1 : 0;
        }
        if (answer.json().path("decided").asInt(-1) != decided || answer.json().path("failed").asInt(-1) != cases.size() - decided) {
            return "the counts decided/failed do not match the entries";
        }
        return null;
    }

    private static String entry(int i, JsonNode entry, Request c) {
        if (entry.path("index").asInt(-1) != i) {
            return "has index " + entry.path("index");
        }
        if (entry.has("decision") == entry.has("problem")) {
            return entry.has("decision") ? "has both a decision and a problem" : "has neither decision nor problem";
        }
        if (c.expected().taken()) {
            return entry.has("decision") ? decision(entry.get("decision"), Fuzzer.parse(c.body()))
                    : "was refused although it is valid: " + entry.get("problem");
        }
        if (entry.has("decision")) {
            return "was decided although it should have been refused (" + c.expected() + ")";
        }
        JsonNode problem = entry.get("problem");
        String wrong = Fuzzer.checkProblem(c.expected(), problem);
        if (wrong != null) {
            return "got " + wrong + ": " + problem;
        }
        if (!problem.path("instance").asText().endsWith("/batch#/cases/" + i)) {
            return "got a problem whose instance is " + problem.path("instance");
        }
        return null;
    }
}
